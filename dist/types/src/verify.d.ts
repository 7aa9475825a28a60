import type { MintConfig } from './config.js';
import type { MintDeps } from './mint.js';
export interface Verification {
    logId?: string;
}
/** Proves a token works with a cheap authenticated call, GET /v1/users/me. */
export declare function verifyToken(token: string, config: Pick<MintConfig, 'baseUrl' | 'timeoutMs' | 'retries'>, deps: Pick<MintDeps, 'send' | 'userAgent' | 'sleep' | 'random' | 'now' | 'log'>): Promise<Verification>;
