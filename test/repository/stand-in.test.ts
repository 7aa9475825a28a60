// The local Coze stand-in must speak the real protocol: the official SDK gets a token from it, and it refuses
// what Coze refuses. Everything else in the suite trusts it.

import { createPrivateKey } from 'node:crypto';
import { getJWTToken } from '@coze/api';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { makeRsaKeys } from '../support/keys.ts';

const keys = makeRsaKeys();
const appId = '1183520381944';
const kid = 'stand-in-kid';
let standIn: CozeStandIn;

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
});
afterAll(() => standIn.close());

async function post(jwt: string, body: unknown = { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' }) {
  const response = await fetch(`${standIn.url}/api/permission/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function jwt(overrides: { key?: string; kid?: string; iss?: string; aud?: string; iat?: number; exp?: number; jti?: string; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const builder = new SignJWT({})
    .setProtectedHeader({ alg: overrides.alg ?? 'RS256', typ: 'JWT', kid: overrides.kid ?? kid })
    .setIssuer(overrides.iss ?? appId)
    .setAudience(overrides.aud ?? '127.0.0.1')
    .setIssuedAt(overrides.iat ?? now)
    .setExpirationTime(overrides.exp ?? now + 600)
    .setJti(overrides.jti ?? crypto.randomUUID() + crypto.randomUUID());
  return builder.sign(createPrivateKey(overrides.key ?? keys.pkcs8));
}

describe('the Coze stand-in', () => {
  it('gives the official SDK (@coze/api getJWTToken) a token, PKCS#8 and PKCS#1 alike', async () => {
    for (const privateKey of [keys.pkcs8, keys.pkcs1]) {
      const token = await getJWTToken({
        baseURL: standIn.url,
        appId,
        aud: '127.0.0.1',
        keyid: kid,
        privateKey,
        durationSeconds: 1200,
        sessionName: 'sdk-user',
      });
      expect(token.access_token).toMatch(/^czs_/);
      expect(token.expires_in).toBeGreaterThan(Date.now() / 1000 + 1190);
      expect(standIn.issued.has(token.access_token)).toBe(true);
    }
    const request = standIn.requests.at(-1);
    expect(request?.claims).toMatchObject({ iss: appId, aud: '127.0.0.1', session_name: 'sdk-user' });
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', duration_seconds: 1200 });
  });

  it('accepts a well-formed JWT', async () => {
    expect((await post(await jwt())).status).toBe(200);
  });

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    ['a signature by another key', () => jwt({ key: makeRsaKeys().pkcs8 }), /JWT rejected/],
    ['an unknown kid', () => jwt({ kid: 'deleted-key' }), /^invalid jwt: kid not been registred$/],
    ['another issuer', () => jwt({ iss: '999' }), /JWT rejected/],
    ['another audience', () => jwt({ aud: 'api.coze.com' }), /JWT rejected/],
    ['an expired JWT', () => jwt({ iat: Math.floor(Date.now() / 1000) - 1000, exp: Math.floor(Date.now() / 1000) - 10 }), /JWT rejected/],
    ['an iat in the future', () => jwt({ iat: Math.floor(Date.now() / 1000) + 120 }), /iat is in the future/],
    ['a JWT that lives for days', () => jwt({ exp: Math.floor(Date.now() / 1000) + 30 * 86400 }), /exp is too far/],
    ['a short jti', () => jwt({ jti: 'abc' }), /jti must be/],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what}`, async () => {
      const { status, body } = await post(await make());
      expect(status).toBe(401);
      expect(body.error_message).toMatch(message);
    });
  }

  it('refuses a replayed jti', async () => {
    const once = await jwt({ jti: 'the-same-jti-twice-0000000000' });
    expect((await post(once)).status).toBe(200);
    const replay = await post(once);
    expect(replay.body.error_message).toMatch(/replay/);
  });

  it('checks grant_type and duration_seconds', async () => {
    expect((await post(await jwt(), { grant_type: 'client_credentials' })).body.error).toBe('unsupported_grant_type');
    expect((await post(await jwt(), { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', duration_seconds: 86400 })).status).toBe(400);
  });

  it('answers /v1/users/me only for tokens it issued', async () => {
    const me = (token: string) => fetch(`${standIn.url}/v1/users/me`, { headers: { authorization: `Bearer ${token}` } });
    const token = (await post(await jwt())).body.access_token as string;
    expect(await (await me(token)).json()).toMatchObject({ code: 0 });
    const refused = await me('czs_forged');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-tt-logid')).toMatch(/STANDIN$/);
  });
});
