// The local Coze stand-in must speak the real protocol: the official SDK gets a token from it, and it refuses
// what Coze refuses. Everything else in the suite trusts it.

import { createPrivateKey } from 'node:crypto';
import { getJWTToken } from '@coze/api';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { makeRsaKeys } from '../support/keys.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381944', 'stand-in-kid');

async function post(jwt: string, body: unknown = { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer' }) {
  const response = await fetch(`${standIn.url}/api/permission/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    date: response.headers.get('date'),
  };
}

interface Overrides {
  key?: string;
  kid?: string;
  iss?: string;
  aud?: string;
  iat?: number;
  exp?: number;
  jti?: string;
  alg?: string;
  claims?: Record<string, unknown>;
}

function jwt(overrides: Overrides = {}) {
  const now = Math.floor(Date.now() / 1000);
  const builder = new SignJWT(overrides.claims ?? {})
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
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      duration_seconds: 1200,
    });
  });

  it('accepts a well-formed JWT', async () => {
    expect((await post(await jwt())).status).toBe(200);
  });

  const refusals: Array<[string, () => Promise<string>, RegExp]> = [
    ['a signature by another key', () => jwt({ key: makeRsaKeys().pkcs8 }), /JWT rejected/],
    ['an unknown kid', () => jwt({ kid: 'deleted-key' }), /^invalid jwt: kid not been registred$/],
    ['another issuer', () => jwt({ iss: '999' }), /JWT rejected/],
    ['another audience', () => jwt({ aud: 'api.coze.com' }), /JWT rejected/],
    [
      'an expired JWT',
      () => jwt({ iat: Math.floor(Date.now() / 1000) - 1000, exp: Math.floor(Date.now() / 1000) - 10 }),
      /^invalid jwt: exp is in the past$/,
    ],
    ['an iat in the future', () => jwt({ iat: Math.floor(Date.now() / 1000) + 120 }), /iat is in the future/],
    ['a JWT that lives for days', () => jwt({ exp: Math.floor(Date.now() / 1000) + 30 * 86400 }), /exp is too far/],
    ['a short jti', () => jwt({ jti: 'abc' }), /jti must be/],
    // Coze's guide asks for more than 32 characters.
    [
      'a jti of 32 characters',
      () => jwt({ jti: 'j'.repeat(32) }),
      /^jti must be a random string longer than 32 characters$/,
    ],
    [
      'a session_context that is no object',
      () => jwt({ claims: { session_context: '2001' } }),
      /^invalid request: session_context$/,
    ],
    [
      'a session_context whose connector_id is no string',
      () => jwt({ claims: { session_context: { connector_info: { connector_id: 2001 } } } }),
      /session_context/,
    ],
    [
      'a session_context whose device_info is no object',
      () => jwt({ claims: { session_context: { device_info: ['d'] } } }),
      /session_context/,
    ],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses ${what}`, async () => {
      const { status, body } = await post(await make());
      expect(status).toBe(/session_context/.test(what) ? 400 : 401);
      expect(body.error_message).toMatch(message);
    });
  }

  it('refuses a replayed jti', async () => {
    const once = await jwt({ jti: 'the-same-jti-twice-000000000000000' });
    expect((await post(once)).status).toBe(200);
    const replay = await post(once);
    expect(replay.body.error_message).toMatch(/replay/);
  });

  it('takes a jti of 33 characters, and records the session_context it accepts, unknown keys included', async () => {
    expect((await post(await jwt({ jti: 'j'.repeat(33) }))).status).toBe(200);
    const sessionContext = {
      device_info: { device_id: 'dev-7', custom_consumer: 'shop' },
      connector_info: { connector_id: '2001' },
      later: 1,
    };
    expect((await post(await jwt({ claims: { session_context: sessionContext } }))).status).toBe(200);
    expect(standIn.requests.at(-1)?.claims?.session_context).toEqual(sessionContext);
    expect((await post(await jwt({ claims: { session_context: {} } }))).status).toBe(200);
  });

  it('sends its own time in Date on every answer, and checks iat and exp against it', async () => {
    const dates = async () => {
      const token = await post(await jwt());
      const me = await fetch(`${standIn.url}/v1/users/me`);
      const missing = await fetch(`${standIn.url}/nothing`);
      return [token.date, me.headers.get('date'), missing.headers.get('date')];
    };
    for (const date of await dates()) {
      expect(date).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
      expect(Math.abs(Date.parse(date as string) - Date.now())).toBeLessThan(2000);
    }
    const tenMinutes = 10 * 60_000;
    standIn.setClock(tenMinutes);
    try {
      for (const date of await dates())
        expect(Math.abs(Date.parse(date as string) - Date.now() - tenMinutes)).toBeLessThan(2000);
      // A JWT of this machine's time is in the past on the stand-in's clock, and one of its time is accepted.
      const inPast = await post(await jwt());
      expect([inPast.status, inPast.body.error_message]).toEqual([401, 'invalid jwt: exp is in the past']);
      const now = Math.floor((Date.now() + tenMinutes) / 1000);
      const accepted = await post(await jwt({ iat: now, exp: now + 600 }));
      expect(accepted.status).toBe(200);
      expect(accepted.body.expires_in).toBe(now + 900);
      standIn.setClock(-tenMinutes);
      expect((await post(await jwt())).body.error_message).toBe('iat is in the future');
      standIn.sendDate('not a date');
      expect(await dates()).toEqual(['not a date', 'not a date', 'not a date']);
    } finally {
      standIn.setClock(0);
      standIn.sendDate(undefined);
    }
  });

  it('checks grant_type and duration_seconds', async () => {
    expect((await post(await jwt(), { grant_type: 'client_credentials' })).body.error).toBe('unsupported_grant_type');
    expect(
      (await post(await jwt(), { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', duration_seconds: 86400 }))
        .status,
    ).toBe(400);
  });

  it('answers /v1/users/me only for tokens it issued', async () => {
    const me = (token: string) =>
      fetch(`${standIn.url}/v1/users/me`, { headers: { authorization: `Bearer ${token}` } });
    const token = (await post(await jwt())).body.access_token as string;
    expect(await (await me(token)).json()).toMatchObject({ code: 0 });
    const refused = await me('czs_forged');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-tt-logid')).toMatch(/STANDIN$/);
  });
});
