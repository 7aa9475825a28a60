// cozeTokenSource: a cached, renewing token getter for long jobs and for @coze/api's `token` option.
import { CozeAPI } from '@coze/api';
import { describe, expect, it, vi } from 'vitest';
import {
  CozeError,
  cozeTokenSource,
  EXPIRY_MARGIN_MS,
  InputError,
  mintCozeToken,
  NetworkError,
  REFRESH_RETRY_MS,
} from '../../src/lib/index.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7466666666666', 'token-source-kid');

/** A clock the test moves by hand, starting now. */
function clock() {
  let offsetMs = 0;
  return { now: () => Date.now() + offsetMs, advance: (seconds: number) => void (offsetMs += seconds * 1000) };
}
const options = (extra: object = {}) => ({
  appId,
  publicKeyId: kid,
  privateKey: keys.pkcs8,
  baseUrl: standIn.url,
  ...extra,
});
const tokenRequests = () => standIn.requests.filter((request) => request.path.endsWith('/token')).length;

describe('cozeTokenSource', () => {
  it('mints once for ten concurrent callers, and returns the cached token after', async () => {
    const before = tokenRequests();
    const source = cozeTokenSource(options());
    const tokens = await Promise.all(Array.from({ length: 10 }, () => source()));
    expect(new Set(tokens).size).toBe(1);
    expect(standIn.issued.has(tokens[0] as string)).toBe(true);
    expect(await source()).toBe(tokens[0]);
    expect(tokenRequests()).toBe(before + 1);
  });

  it('refreshes refreshSeconds before expiry, not earlier, in the background: the caller keeps the working token meanwhile', async () => {
    const time = clock();
    const source = cozeTokenSource(options({ durationSeconds: 900, refreshSeconds: 60 }), time.now);
    const first = await source();
    const before = tokenRequests();
    time.advance(900 - 60 - 5);
    expect(await source()).toBe(first);
    expect(tokenRequests()).toBe(before);
    time.advance(10);
    expect(await source()).toBe(first);
    // One refresh for many callers in the window, and the new token once it is there (seen at real time, where
    // neither token is due, so that no refresh runs on after the test).
    await Promise.all([source(), source(), source()]);
    time.advance(-(900 - 60 + 5));
    await vi.waitFor(async () => expect(await source()).not.toBe(first));
    expect(tokenRequests()).toBe(before + 1);
    expect(standIn.issued.has(await source())).toBe(true);
  });

  it("counts a token's life on its own clock, not Coze's: a runner an hour behind still refreshes on time", async () => {
    standIn.setClock(3600 * 1000);
    try {
      const time = clock();
      const source = cozeTokenSource(options({ durationSeconds: 120, refreshSeconds: 30 }), time.now);
      const first = await source();
      const before = tokenRequests();
      // In the refresh window by this clock (Coze's is an hour on): the token is handed out, and renewed behind.
      time.advance(95);
      expect(await source()).toBe(first);
      // A refresh: each mint of the source heals the skew anew, in a second attempt.
      await vi.waitFor(async () => expect(await source()).not.toBe(first));
      expect(tokenRequests()).toBe(before + 2);
    } finally {
      standIn.setClock(0);
    }
  });

  it('never waits longer than half the lifetime of a short token', async () => {
    const time = clock();
    const source = cozeTokenSource(options({ durationSeconds: 60, refreshSeconds: 600 }), time.now);
    const first = await source();
    time.advance(25);
    await source();
    expect(await source()).toBe(first);
    time.advance(10);
    await source();
    time.advance(-35);
    await vi.waitFor(async () => expect(await source()).not.toBe(first));
  });

  it('rides out a Coze blip inside the refresh window: a failed refresh is logged, the token kept, and tried again later', async () => {
    const time = clock();
    const logged: string[] = [];
    const source = cozeTokenSource(
      options({ durationSeconds: 900, refreshSeconds: 60, retries: 0, log: (line: string) => logged.push(line) }),
      time.now,
    );
    const first = await source();
    time.advance(900 - 50);
    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}' });
    expect(await source()).toBe(first);
    await vi.waitFor(() =>
      expect(logged).toContainEqual(
        expect.stringMatching(/^Refreshing the Coze token failed; the current one still works/),
      ),
    );
    // Within REFRESH_RETRY_MS of the failure no new attempt is made; after it, the next call tries again.
    const before = tokenRequests();
    expect(await source()).toBe(first);
    expect(tokenRequests()).toBe(before);
    time.advance(REFRESH_RETRY_MS / 1000 + 1);
    expect(await source()).toBe(first);
    time.advance(-(900 - 50 + REFRESH_RETRY_MS / 1000 + 1));
    await vi.waitFor(async () => expect(await source()).not.toBe(first));
  });

  it('answers at once while a refresh hangs, and makes only an expired token wait', async () => {
    const time = clock();
    const source = cozeTokenSource(
      options({ durationSeconds: 900, refreshSeconds: 60, retries: 0, timeoutSeconds: 1, deadlineSeconds: 2 }),
      time.now,
    );
    const first = await source();
    time.advance(900 - 30);
    standIn.fail({ kind: 'hang' });
    const started = performance.now();
    expect(await source()).toBe(first);
    expect(await source()).toBe(first);
    expect(performance.now() - started).toBeLessThan(200);
    // Expired: the caller waits for the mint under way, and gets its error.
    time.advance(60);
    await expect(source()).rejects.toBeInstanceOf(NetworkError);
  });

  it('takes a token in its last 10 seconds for expired: the caller waits for a new one', async () => {
    const time = clock();
    const source = cozeTokenSource(options({ durationSeconds: 900, refreshSeconds: 0 }), time.now);
    const first = await source();
    time.advance(900 - EXPIRY_MARGIN_MS / 1000 - 1);
    expect(await source()).toBe(first);
    time.advance(2);
    const before = tokenRequests();
    const next = await source();
    expect(next).not.toBe(first);
    expect(tokenRequests()).toBe(before + 1);
  });

  it('throws a failed mint to every waiting caller, and tries again on the next call', async () => {
    const source = cozeTokenSource(options());
    standIn.deactivate();
    const results = await Promise.allSettled([source(), source(), source()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const reasons = results.map((result) => (result as PromiseRejectedResult).reason);
    expect(reasons[0]).toBeInstanceOf(CozeError);
    expect(new Set(reasons).size).toBe(1);
    standIn.deactivate(false);
    expect(standIn.issued.has(await source())).toBe(true);
  });

  it('refuses a scope object that cannot be JSON, as an InputError', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const error = await mintCozeToken(options({ scope: cyclic })).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      "Option 'scope': expected a JSON object nested at most 10 levels deep, without cycles",
    );
  });

  it('refuses a refreshSeconds that is not a whole number from 0 to 86399', () => {
    for (const refreshSeconds of [-1, 1.5, 86400, Number.NaN]) {
      expect(() => cozeTokenSource(options({ refreshSeconds }))).toThrow(
        "Option 'refreshSeconds': expected a whole number from 0 to 86399",
      );
    }
    expect(() => cozeTokenSource(options({ refreshSeconds: 0 }))).not.toThrow();
  });

  it('refuses a durationSeconds of EXPIRY_MARGIN_MS or less, whose tokens would count as expired when they arrive', async () => {
    const before = tokenRequests();
    for (const durationSeconds of [1, EXPIRY_MARGIN_MS / 1000]) {
      expect(() => cozeTokenSource(options({ durationSeconds }))).toThrow(
        "Option 'durationSeconds': expected more than 10 for a token source: a token in its last 10 s counts as expired",
      );
    }
    expect(tokenRequests()).toBe(before);
    const source = cozeTokenSource(options({ durationSeconds: EXPIRY_MARGIN_MS / 1000 + 20 }));
    expect(await source()).toBe(await source());
  });

  it("serves @coze/api's token option across a renewal: users.me() works with each token", async () => {
    const time = clock();
    const source = cozeTokenSource(options({ durationSeconds: 120, refreshSeconds: 30 }), time.now);
    const api = new CozeAPI({ token: source, baseURL: standIn.url });
    const seen = () =>
      standIn.requests
        .filter((request) => request.path === '/v1/users/me')
        .map((request) => request.headers.authorization);
    const before = seen().length;
    expect((await api.users.me()).user_name).toBe('ci-bot');
    time.advance(100);
    const first = await source();
    // Back to real time, where neither token is due, to see the new one without starting another refresh.
    time.advance(-100);
    await vi.waitFor(async () => expect(await source()).not.toBe(first));
    expect((await api.users.me()).user_name).toBe('ci-bot');
    const [before1, after1] = seen().slice(before);
    expect(before1).not.toBe(after1);
    for (const header of [before1, after1])
      expect(standIn.issued.has((header ?? '').replace(/^Bearer /, ''))).toBe(true);
  });

  it("logs in the library's terms, and leaves no connection open once a call returns", async () => {
    const lines: string[] = [];
    standIn.fail({ kind: 'status', status: 503, body: '{}', headers: { 'retry-after': '30' } });
    await mintCozeToken(options({ deadlineSeconds: 2, log: (line: string) => lines.push(line) })).catch(() => {});
    expect(lines.filter((line) => !line.includes(': attempt '))).toEqual([
      expect.stringMatching(/HTTP 503; no retry, as deadlineSeconds \(2 s\) leaves no time for one$/),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const open = standIn.openConnections();
    await mintCozeToken(options());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(standIn.openConnections()).toBe(open);
  });

  it('takes a refreshSeconds up to 86399', () => {
    expect(() => cozeTokenSource(options({ refreshSeconds: 86399 }))).not.toThrow();
  });
});

describe('mints nobody waits on', () => {
  it('waits between attempts without holding the process, and a waiting caller still gets its token', async () => {
    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}', headers: { 'retry-after': '0' } });
    const before = tokenRequests();
    expect(standIn.issued.has(await cozeTokenSource(options({ retries: 1 }))())).toBe(true);
    expect(tokenRequests()).toBe(before + 2);
  });
});

describe('each answer read once', () => {
  it('parses the body of the token answer and of the check answer once each, debug lines and all', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await mintCozeToken(options({ verify: true, log: () => {} }));
      const bodies = parse.mock.calls.map(([text]) => String(text));
      expect(bodies.filter((text) => text.includes('"access_token"'))).toHaveLength(1);
      expect(bodies.filter((text) => text.includes('"user_name"'))).toHaveLength(1);
    } finally {
      parse.mockRestore();
    }
  });
});
