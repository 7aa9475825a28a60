import type { KeyObject } from 'node:crypto';
import type { SessionContext } from './session-context.js';
/** Backdate iat so a runner whose clock runs a little ahead is not refused. */
export declare const CLOCK_SKEW_SECONDS = 60;
/** A JWT is spent within seconds; it only needs to outlive one HTTP attempt. */
export declare const JWT_LIFETIME_SECONDS = 600;
export interface JwtParams {
    appId: string;
    publicKeyId: string;
    audience: string;
    sessionName?: string;
    sessionContext?: SessionContext;
}
/** Called once for every JWT: a fresh jti of more than 32 characters from a CSPRNG (jti.ts). */
export type NewJwtId = () => string;
export declare function signJwt(key: KeyObject, params: JwtParams, nowMs: number, newJwtId: NewJwtId): Promise<string>;
