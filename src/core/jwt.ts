// The JWT: RS256-signed, backdated a little, short-lived, with a fresh jti, as Coze's token endpoint takes it.
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SessionContext } from './session-context.js';

/** Backdate iat so a runner whose clock runs a little ahead is not refused. */
export const CLOCK_SKEW_SECONDS = 60;
/** A JWT is spent within seconds; it only needs to outlive one HTTP attempt. */
export const JWT_LIFETIME_SECONDS = 600;

export interface JwtParams {
  appId: string;
  publicKeyId: string;
  audience: string;
  sessionName?: string;
  sessionContext?: SessionContext;
}

/** Called once for every JWT: a fresh jti of more than 32 characters from a CSPRNG (jti.ts). */
export type NewJwtId = () => string;

export async function signJwt(key: KeyObject, params: JwtParams, nowMs: number, newJwtId: NewJwtId): Promise<string> {
  const now = Math.floor(nowMs / 1000);
  // JSON leaves out a session_name or session_context that is undefined.
  return new SignJWT({ session_name: params.sessionName, session_context: params.sessionContext })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: params.publicKeyId })
    .setIssuer(params.appId)
    .setAudience(params.audience)
    .setIssuedAt(now - CLOCK_SKEW_SECONDS)
    .setExpirationTime(now + JWT_LIFETIME_SECONDS)
    .setJti(newJwtId())
    .sign(key);
}
