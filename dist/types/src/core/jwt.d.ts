import type { KeyObject } from 'node:crypto';
/** Backdate iat so a runner whose clock runs a little ahead is not refused. */
export declare const CLOCK_SKEW_SECONDS = 60;
/** A JWT is spent within seconds; it only needs to outlive one HTTP attempt. */
export declare const JWT_LIFETIME_SECONDS = 600;
export interface JwtParams {
    appId: string;
    publicKeyId: string;
    audience: string;
    sessionName?: string;
}
/** Called once for every JWT: a fresh jti of at least 128 bits from a CSPRNG. */
export type NewJwtId = () => string;
export declare function signJwt(key: KeyObject, params: JwtParams, nowMs: number, newJwtId: NewJwtId): Promise<string>;
