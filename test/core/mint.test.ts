// mintToken called directly with injected dependencies (clock, jti source, sleep), over real HTTP to the stand-in.
import { createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MintConfig } from '../../src/core/config.ts';
import { defaultDeps, mintToken, tokenUrl } from '../../src/core/mint.ts';
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
      newJwtId: () => `jti-${++jtiCounter}-0000000000000000000000`,
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
    expect(sent[1]?.claims?.jti).toBe('jti-2-0000000000000000000000');
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
    expect(request?.headers).toMatchObject({ accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'coze-token-action/test' });
  });

  it('draws a new 144-bit jti from the CSPRNG by default', () => {
    const { newJwtId } = defaultDeps();
    const ids = new Set(Array.from({ length: 1000 }, newJwtId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(18);
  });

  it('uses the account-scoped or enterprise path when asked', () => {
    expect(tokenUrl({ baseUrl: 'https://api.coze.cn' })).toBe('https://api.coze.cn/api/permission/oauth2/token');
    expect(tokenUrl({ baseUrl: 'https://api.coze.cn', accountId: '7351' })).toBe('https://api.coze.cn/api/permission/oauth2/account/7351/token');
    expect(tokenUrl({ baseUrl: 'https://api.coze.com', enterpriseId: 'volcano_2101' })).toBe(
      'https://api.coze.com/api/permission/oauth2/enterprise_id/volcano_2101/token',
    );
  });
});
