// mintToken called directly with injected dependencies (clock, jti source, sleep), over real HTTP to the stand-in.
import { createPrivateKey } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClockSkew } from '../../src/core/clock.ts';
import type { MintConfig } from '../../src/core/config.ts';
import type { MintedToken } from '../../src/core/coze-response.ts';
import { CozeError } from '../../src/core/errors.ts';
import { MIN_JTI_LENGTH } from '../../src/core/jti.ts';
import { defaultDeps, mintToken, tokenUrl } from '../../src/core/mint.ts';
import type { SessionContext } from '../../src/core/session-context.ts';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { makeRsaKeys } from '../support/keys.ts';

const keys = makeRsaKeys();
let standIn: CozeStandIn;
let config: MintConfig;

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId: '42', kid: 'mint-kid' });
  config = {
    appId: '42',
    publicKeyId: 'mint-kid',
    privateKey: createPrivateKey(keys.pkcs8),
    baseUrl: standIn.url,
    audience: '127.0.0.1',
    durationSeconds: 600,
    timeoutMs: 5000,
    deadlineMs: 60_000,
    retries: 2,
  };
});
afterAll(() => standIn.close());

describe('mintToken', () => {
  it('signs a fresh JWT for every attempt and shows each one to onSecret before sending it, and the token before returning it', async () => {
    const seen: string[] = [];
    const slept: number[] = [];
    let jtiCounter = 0;
    const before = standIn.requests.length;
    standIn.fail({ kind: 'status', status: 503, body: '{}' });
    const deps = defaultDeps({
      newJwtId: () => `jti-${++jtiCounter}-${'0'.repeat(36)}`,
      onSecret: (secret) => void seen.push(secret),
      sleep: async (ms) => void slept.push(ms),
      random: () => 0,
    });
    const minted = await mintToken(config, deps);
    expect(standIn.issued.has(minted.token)).toBe(true);
    expect(minted.expiresIn).toBeGreaterThan(590);
    const sent = standIn.requests.slice(before);
    expect(sent).toHaveLength(2);
    expect(seen).toHaveLength(3);
    expect(seen[2]).toBe(minted.token);
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${seen[0]}`);
    expect(sent[1]?.jwt).toBe(seen[1]);
    expect(sent[1]?.claims?.jti).toBe(`jti-2-${'0'.repeat(36)}`);
    expect(slept).toEqual([500]);
  });

  it('sleeps for real by default', async () => {
    const started = performance.now();
    await defaultDeps().sleep(60);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('asks for JSON and names itself in every token request', async () => {
    const before = standIn.requests.length;
    await mintToken(config, defaultDeps({ userAgent: 'coze-token-action/test' }));
    const [request] = standIn.requests.slice(before);
    expect(request?.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'user-agent': 'coze-token-action/test',
    });
  });

  it('draws a new 256-bit jti from the CSPRNG by default, longer than the 32 characters Coze asks for', () => {
    const { newJwtId } = defaultDeps();
    const ids = new Set(Array.from({ length: 1000 }, newJwtId));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[\w-]{43}$/);
      expect(id.length).toBeGreaterThanOrEqual(MIN_JTI_LENGTH);
      expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    }
  });

  it('signs each attempt of one run with a jti of its own, and Coze takes their length', async () => {
    const before = standIn.requests.length;
    standIn.fail({ kind: 'status', status: 503, body: '{}' });
    await mintToken(config, defaultDeps({ sleep: async () => {} }));
    // The first is answered 503 before the stand-in reads it: its jti is read from the JWT sent.
    const jtis = standIn.requests
      .slice(before)
      .map((request) => decodeJwt(request.headers.authorization?.slice(7) ?? '').jti as string);
    expect(jtis).toHaveLength(2);
    expect(new Set(jtis).size).toBe(2);
    for (const jti of jtis) expect(jti.length).toBeGreaterThan(32);
    expect(standIn.requests.at(-1)?.refusal).toBeUndefined();
  });

  it('sends session_context in the JWT when the config has one', async () => {
    const sessionContext = { connector_info: { connector_id: '2001' } };
    const withContext: MintConfig & { sessionContext: SessionContext } = { ...config, sessionContext };
    await mintToken(withContext, defaultDeps());
    expect(standIn.requests.at(-1)?.claims?.session_context).toEqual(sessionContext);
    await mintToken(config, defaultDeps());
    expect(standIn.requests.at(-1)?.claims).not.toHaveProperty('session_context');
  });

  it('uses the account-scoped or enterprise path when asked', () => {
    expect(tokenUrl({ baseUrl: 'https://api.coze.cn' })).toBe('https://api.coze.cn/api/permission/oauth2/token');
    expect(tokenUrl({ baseUrl: 'https://api.coze.cn', accountId: '7351' })).toBe(
      'https://api.coze.cn/api/permission/oauth2/account/7351/token',
    );
    expect(tokenUrl({ baseUrl: 'https://api.coze.com', enterpriseId: 'volcano_2101' })).toBe(
      'https://api.coze.com/api/permission/oauth2/enterprise_id/volcano_2101/token',
    );
  });
});

describe("a runner clock off Coze's", () => {
  const MINUTES_10 = 10 * 60_000;
  /** Mints on a runner whose clock is off by offsetMs, recording what the run tells and what reaches the stand-in. */
  async function mintOff(offsetMs: number) {
    const before = standIn.requests.length;
    const debug: string[] = [];
    const skews: ClockSkew[] = [];
    const deps = defaultDeps({
      now: () => Date.now() + offsetMs,
      debug: (line) => void debug.push(line),
      onClockSkew: (skew) => void skews.push(skew),
      sleep: async () => {},
    });
    const outcome = await mintToken(config, deps).catch((error: unknown) => error as CozeError);
    return { outcome, debug, skews, sent: standIn.requests.slice(before) };
  }
  const offBy = (seconds: number) => (skew: ClockSkew | undefined) => Math.abs((skew?.seconds ?? 0) - seconds) <= 1;

  for (const [what, offsetMs, refusal] of [
    ['behind', -MINUTES_10, 'invalid jwt: exp is in the past'],
    ['ahead', MINUTES_10, 'iat is in the future'],
  ] as const) {
    it(`heals a runner clock 10 minutes ${what} in one extra attempt, signed in Coze's time, and says by how much`, async () => {
      const { outcome, debug, skews, sent } = await mintOff(offsetMs);
      expect(sent.map((request) => request.refusal)).toEqual([refusal, undefined]);
      const minted = outcome as MintedToken;
      expect(standIn.issued.has(minted.token)).toBe(true);
      // Coze's expires_in is in its own time: the time left is read against it, not against the runner's clock.
      expect(Math.abs(minted.expiresIn - config.durationSeconds)).toBeLessThanOrEqual(2);
      const [first, second] = sent.map((request) => decodeJwt(request.jwt ?? ''));
      expect(Math.abs((second?.iat ?? 0) - (first?.iat ?? 0) + offsetMs / 1000)).toBeLessThanOrEqual(2);
      expect(skews).toHaveLength(1);
      expect(offBy(-offsetMs / 1000)(skews[0])).toBe(true);
      expect(skews[0]?.corrected).toBe(true);
      expect(debug).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^The runner's clock is (9 min 59 s|10 min|10 min 1 s) ${what === 'behind' ? 'behind' : 'ahead of'} Coze's, by the Date header`,
          ),
        ),
      );
      expect(debug).toContainEqual(
        "Coze refused a JWT in the runner's time (HTTP 401); one more attempt, in Coze's time",
      );
    });
  }

  it("signs a retry after a transient answer in Coze's time, with no extra attempt", async () => {
    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}' });
    const { outcome, sent, skews } = await mintOff(-MINUTES_10);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.refusal).toBeUndefined();
    expect(standIn.issued.has((outcome as MintedToken).token)).toBe(true);
    expect(skews).toHaveLength(1);
  });

  it('mints at once on a clock 45 s ahead, which the backdated iat covers, and still tells of it', async () => {
    const { outcome, sent, skews } = await mintOff(45_000);
    expect(sent).toHaveLength(1);
    expect(standIn.issued.has((outcome as MintedToken).token)).toBe(true);
    expect(offBy(-45)(skews[0])).toBe(true);
  });

  it('corrects no clock 3 days off: past the 24 h cap it fails at once, saying why and what to do', async () => {
    const { outcome, sent, skews, debug } = await mintOff(-3 * 24 * 3_600_000);
    expect(sent.map((request) => request.refusal)).toEqual(['invalid jwt: exp is in the past']);
    expect(outcome).toBeInstanceOf(CozeError);
    expect((outcome as CozeError).message).toBe('Coze refused the token request: invalid jwt: exp is in the past');
    expect((outcome as CozeError).details.hint).toMatch(
      /^The runner's clock is 72 h (1 s )?behind Coze's, by the Date header of Coze's answer: past the 24 h a Date is trusted to correct, so set the runner's clock right \(a self-hosted runner needs NTP/,
    );
    expect(skews.map((skew) => skew.corrected)).toEqual([false]);
    expect(debug.join('\n')).not.toMatch(/one more attempt/);
  });

  for (const [what, date] of [
    ['malformed', 'Tue, 31 Feb 2026 08:00:00 GMT'],
    ['huge', `${new Date().toUTCString()}, ${'x'.repeat(8000)}`],
    ['of another form', new Date(Date.now() + MINUTES_10).toISOString()],
  ]) {
    it(`ignores a ${what} Date header: no correction, and the usual advice`, async () => {
      standIn.sendDate(date);
      try {
        const { outcome, sent, skews } = await mintOff(-MINUTES_10);
        expect(sent).toHaveLength(1);
        expect(skews).toEqual([]);
        expect((outcome as CozeError).details.hint).toMatch(/^Coze refused the JWT's times: check the runner's clock/);
      } finally {
        standIn.sendDate(undefined);
      }
    });
  }
});
