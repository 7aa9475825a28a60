import { describe, expect, it } from 'vitest';
import { isTransient as isTransientAnswer, readAnswer } from '../../src/core/coze-response.ts';
import { CozeError, NetworkError } from '../../src/core/errors.ts';
import { type HttpResponse, ResponseTooLargeError } from '../../src/core/http.ts';
import {
  BACKOFF,
  backoffMs,
  deadlineFrom,
  parseRetryAfter,
  type RetryDeps,
  retryPolicy,
  sendWithRetries,
} from '../../src/core/retry.ts';

const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);
const policy = { retries: 3, timeoutMs: 30_000, ...BACKOFF };
const farDeadline = deadlineFrom(3_600_000, NOW);

/** A fake clock that sleeping moves forward. */
function fakeDeps(random = 0.5) {
  const slept: number[] = [];
  const logs: string[] = [];
  let clock = NOW;
  const deps: RetryDeps = {
    sleep: async (ms) => void (slept.push(ms), (clock += ms)),
    random: () => random,
    now: () => clock,
    log: (m) => void logs.push(m),
  };
  return { deps, slept, logs, advance: (ms: number) => void (clock += ms) };
}
const isTransient = (response: HttpResponse) => isTransientAnswer(readAnswer(response));
const answer = (status: number, headers: Record<string, string> = {}, body = '{}'): HttpResponse => ({
  status,
  headers,
  body,
});

describe('retry policy', () => {
  it('takes the retries and the limit per attempt from the config, the waits from BACKOFF', () => {
    expect(retryPolicy({ retries: 2, timeoutMs: 5000 })).toEqual({ retries: 2, timeoutMs: 5000, ...BACKOFF });
  });

  it('retries network-level statuses and Coze’s transient codes, whatever the status', () => {
    expect([408, 429, 500, 502, 503, 504].map((s) => isTransient(answer(s)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([200, 301, 400, 401, 403, 404, 409, 422].map((s) => isTransient(answer(s)))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isTransient(answer(200, {}, '{"error_code":"internal_error"}'))).toBe(true);
    expect(isTransient(answer(400, {}, '{"code":4009,"msg":"cap"}'))).toBe(true);
    expect(isTransient(answer(200, {}, '{"code":4102,"msg":"risk"}'))).toBe(true);
    expect(isTransient(answer(400, {}, '{"code":4013,"msg":"model"}'))).toBe(false);
    expect(isTransient(answer(200, {}, '{"code":0,"msg":""}'))).toBe(false);
  });

  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, policy, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffMs(n, policy, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(10, policy, 0.999999)).toBe(BACKOFF.maxDelayMs);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 7 ', NOW)).toBe(7000);
    expect(parseRetryAfter(new Date(NOW + 12_000).toUTCString(), NOW)).toBe(12_000);
    expect(parseRetryAfter(new Date(NOW - 12_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('12', NOW)).toBe(12_000);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('x7', NOW)).toBeUndefined();
    expect(parseRetryAfter('7 seconds', NOW)).toBeUndefined();
    expect(parseRetryAfter(' ', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('sendWithRetries', () => {
  it('returns a final answer at once', async () => {
    const { deps, slept } = fakeDeps();
    let calls = 0;
    const response = await sendWithRetries(
      async () => (calls++, answer(401)),
      'Token request',
      policy,
      deps,
      farDeadline,
    );
    expect(response.status).toBe(401);
    expect(calls).toBe(1);
    expect(slept).toEqual([]);
  });

  it('retries 5xx with growing delays and returns the last answer when retries run out', async () => {
    const { deps, slept, logs } = fakeDeps(0);
    const timeouts: number[] = [];
    const response = await sendWithRetries(
      async (timeoutMs) => (timeouts.push(timeoutMs), answer(503)),
      'Token request',
      policy,
      deps,
      farDeadline,
    );
    expect(response.status).toBe(503);
    expect(timeouts).toEqual([30_000, 30_000, 30_000, 30_000]);
    expect(slept).toEqual([500, 1000, 2000]);
    expect(logs[0]).toBe('Token request: HTTP 503; retrying in 0.5 s (retry 1 of 3)');
  });

  it("honours a 429's Retry-After, capped", async () => {
    const { deps, slept } = fakeDeps(0);
    const answers = [answer(429, { 'retry-after': '3' }), answer(429, { 'retry-after': '3600' }), answer(200)];
    const response = await sendWithRetries(
      async () => answers.shift() as HttpResponse,
      'Token request',
      policy,
      deps,
      farDeadline,
    );
    expect(response.status).toBe(200);
    expect(slept).toEqual([3000, BACKOFF.maxRetryAfterMs]);
  });

  it('turns network errors into one NetworkError after the last attempt', async () => {
    const { deps, slept } = fakeDeps();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const attempt = sendWithRetries(
      async () => Promise.reject(refused),
      'Token request to http://127.0.0.1:9',
      { ...policy, retries: 2 },
      deps,
      farDeadline,
    );
    await expect(attempt).rejects.toThrow(NetworkError);
    await expect(attempt).rejects.toThrow('Token request to http://127.0.0.1:9: connection refused (3 attempts)');
    expect(slept).toHaveLength(2);
  });

  it('does not retry an oversized answer', async () => {
    const { deps } = fakeDeps();
    let calls = 0;
    const attempt = sendWithRetries(
      async () => (calls++, Promise.reject(new ResponseTooLargeError('too big'))),
      'Token request',
      policy,
      deps,
      farDeadline,
    );
    await expect(attempt).rejects.toThrow(CozeError);
    expect(calls).toBe(1);
  });

  it('does not retry, nor call a network failure, an error that is not one', async () => {
    const { deps } = fakeDeps();
    let calls = 0;
    const bug = new TypeError('x is not a function');
    await expect(
      sendWithRetries(async () => (calls++, Promise.reject(bug)), 'Token request', policy, deps, farDeadline),
    ).rejects.toBe(bug);
    expect(calls).toBe(1);
  });

  it('reports a proxy or certificate failure as itself even when the deadline had cut the attempt short', async () => {
    for (const [error, words] of [
      [
        Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), { name: 'AbortError' }),
        /^Token request: the proxy refused the connection to Coze/,
      ],
      [
        Object.assign(new Error('Proxy Authentication Required (407)'), { code: 'UND_ERR_INVALID_ARG' }),
        /^Token request: the proxy refused the request/,
      ],
      [
        Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' }),
        /^Token request: TLS certificate verification failed/,
      ],
    ] as const) {
      const { deps } = fakeDeps();
      await expect(
        sendWithRetries(async () => Promise.reject(error), 'Token request', policy, deps, deadlineFrom(3000, NOW)),
      ).rejects.toThrow(words);
    }
  });

  it('does not retry a proxy refusal or a certificate failure', async () => {
    for (const error of [
      Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), {
        name: 'AbortError',
        code: 'UND_ERR_ABORTED',
      }),
      Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    ]) {
      const { deps, slept } = fakeDeps();
      let calls = 0;
      const attempt = sendWithRetries(
        async () => (calls++, Promise.reject(error)),
        'Token request',
        policy,
        deps,
        farDeadline,
      );
      await expect(attempt).rejects.toThrow(NetworkError);
      expect(calls).toBe(1);
      expect(slept).toEqual([]);
    }
  });

  it('cuts the attempt timeout to what the deadline leaves, and names deadline-seconds when that cut ends it', async () => {
    const { deps, advance } = fakeDeps();
    const deadline = deadlineFrom(10_000, NOW);
    advance(7000);
    const timeouts: number[] = [];
    const attempt = sendWithRetries(
      async (timeoutMs) => (timeouts.push(timeoutMs), Promise.reject(new DOMException('x', 'TimeoutError'))),
      'Token request',
      policy,
      deps,
      deadline,
    );
    await expect(attempt).rejects.toThrow(
      'Token request: no answer within ⟦deadline-seconds⟧ (10 s) after 1 attempt; the last: no complete answer within ⟦timeout-seconds⟧',
    );
    expect(timeouts).toEqual([3000]);
  });

  it('starts no attempt once the deadline has passed', async () => {
    const { deps, advance } = fakeDeps();
    const deadline = deadlineFrom(1000, NOW);
    advance(1000);
    let calls = 0;
    await expect(
      sendWithRetries(async () => (calls++, answer(200)), 'Token request', policy, deps, deadline),
    ).rejects.toThrow('no answer within ⟦deadline-seconds⟧ (1 s) after 0 attempts; the last: none was made');
    expect(calls).toBe(0);
  });

  it('starts no wait that would end past the deadline: a network failure becomes the deadline error', async () => {
    const { deps, slept } = fakeDeps(0);
    const reset = Object.assign(new Error('x'), { code: 'ECONNRESET' });
    const attempt = sendWithRetries(
      async () => Promise.reject(reset),
      'Token request',
      policy,
      deps,
      deadlineFrom(2000, NOW),
    );
    await expect(attempt).rejects.toThrow(
      'Token request: no answer within ⟦deadline-seconds⟧ (2 s) after 3 attempts; the last: connection reset',
    );
    expect(slept).toEqual([500, 1000]);
  });

  it('starts no wait that would end past the deadline: a transient answer is returned as the last', async () => {
    const { deps, slept, logs } = fakeDeps(0);
    const response = await sendWithRetries(
      async () => answer(503),
      'Token request',
      policy,
      deps,
      deadlineFrom(500, NOW),
    );
    expect(response.status).toBe(503);
    expect(slept).toEqual([]);
    expect(logs).toEqual(['Token request: HTTP 503; no retry, as ⟦deadline-seconds⟧ (0.5 s) leaves no time for one']);
  });

  it('writes a debug line per attempt: method, origin and path, outcome, time taken, and what comes next', async () => {
    const call = { method: 'POST', url: 'https://api.coze.cn/api/permission/oauth2/token?x=1' };
    const run = async (
      answers: Array<HttpResponse | Error>,
      deadline = farDeadline,
      timeouts = policy,
    ): Promise<string[]> => {
      const { deps, advance } = fakeDeps(0);
      const lines: string[] = [];
      const send = async () => {
        advance(120);
        const next = answers.shift() as HttpResponse | Error;
        if (next instanceof Error) throw next;
        return next;
      };
      await sendWithRetries(
        send,
        'Token request',
        timeouts,
        { ...deps, debug: (line) => void lines.push(line) },
        deadline,
        call,
      ).catch(() => undefined);
      return lines;
    };
    const at = (n: number) => `POST https://api.coze.cn/api/permission/oauth2/token: attempt ${n}:`;
    expect(await run([answer(503), answer(200, {}, '{"code":4100,"msg":"x"}')])).toEqual([
      `${at(1)} HTTP 503 after 120 ms; waiting 500 ms before attempt 2`,
      `${at(2)} HTTP 200, code 4100 after 120 ms; final`,
    ]);
    expect(await run([new ResponseTooLargeError('too big')])).toEqual([
      `${at(1)} an answer over 1 MiB after 120 ms; no retry`,
    ]);
    const timedOut = new DOMException('x', 'TimeoutError');
    expect(await run([timedOut], deadlineFrom(10_000, NOW), { ...policy, timeoutMs: 30_000 })).toEqual([
      `${at(1)} no answer (no complete answer within ⟦timeout-seconds⟧) after 120 ms; the deadline is reached`,
    ]);
    expect(await run([answer(503)], deadlineFrom(500, NOW))).toEqual([
      `${at(1)} HTTP 503 after 120 ms; no time left for a retry`,
    ]);
  });

  it('says how to fit the attempts in the deadline', async () => {
    const { deps, advance } = fakeDeps();
    advance(1000);
    const error = await sendWithRetries(
      async () => answer(200),
      'Token request',
      policy,
      deps,
      deadlineFrom(1000, NOW),
    ).catch((caught: unknown) => caught);
    expect((error as NetworkError).hint).toBe(
      'Raise ⟦deadline-seconds⟧, or lower ⟦timeout-seconds⟧ and ⟦retries⟧ so that every attempt fits in it, and check ' +
        '⟦base-url⟧, the network and the proxy settings',
    );
  });
});
