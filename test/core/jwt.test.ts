import { createPrivateKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, JWT_LIFETIME_SECONDS, signJwt } from '../../src/core/jwt.ts';
import { makeRsaKeys } from '../support/keys.ts';

const keys = makeRsaKeys();
const privateKey = createPrivateKey(keys.pkcs8);
const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);

describe('signJwt', () => {
  it('signs the claims Coze checks, with a backdated iat and a short exp', async () => {
    const jwt = await signJwt(
      privateKey,
      { appId: '1183', publicKeyId: 'kid-1', audience: 'api.coze.cn', sessionName: 'user-7' },
      NOW,
      () => 'jti-from-the-injected-source-0001',
    );
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'kid-1' });
    const { payload } = await jwtVerify(jwt, keys.publicKey, { algorithms: ['RS256'], currentDate: new Date(NOW) });
    expect(payload).toEqual({
      iss: '1183',
      aud: 'api.coze.cn',
      iat: NOW / 1000 - CLOCK_SKEW_SECONDS,
      exp: NOW / 1000 + JWT_LIFETIME_SECONDS,
      jti: 'jti-from-the-injected-source-0001',
      session_name: 'user-7',
    });
    expect(JWT_LIFETIME_SECONDS).toBeLessThanOrEqual(3600);
  });

  it('leaves session_name and session_context out when none is given', async () => {
    const jwt = await signJwt(privateKey, { appId: '1183', publicKeyId: 'kid-1', audience: 'api.coze.cn' }, NOW, () =>
      'x'.repeat(24),
    );
    const { payload } = await jwtVerify(jwt, keys.publicKey, { currentDate: new Date(NOW) });
    expect(payload).not.toHaveProperty('session_name');
    expect(payload).not.toHaveProperty('session_context');
  });

  it('carries session_context as the object given', async () => {
    const sessionContext = { connector_info: { connector_id: '2001' }, device_info: { device_id: 'dev-7' } };
    const params = { appId: '1183', publicKeyId: 'kid-1', audience: 'api.coze.cn', sessionContext };
    const { payload } = await jwtVerify(await signJwt(privateKey, params, NOW, () => 'z'.repeat(43)), keys.publicKey, {
      currentDate: new Date(NOW),
    });
    expect(payload.session_context).toEqual(sessionContext);
  });

  it('is refused by a verifier holding another public key', async () => {
    const jwt = await signJwt(privateKey, { appId: '1', publicKeyId: 'k', audience: 'a' }, NOW, () => 'y'.repeat(24));
    await expect(jwtVerify(jwt, makeRsaKeys().publicKey, { currentDate: new Date(NOW) })).rejects.toThrow(/signature/);
  });
});
