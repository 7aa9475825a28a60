import type { MintConfig } from './config.js';
import type { MintDeps } from './mint.js';
import { type Deadline } from './retry.js';
/** Who the token acts for, as /v1/users/me tells it. Not secret. */
export interface Verification {
    logId?: string;
    userId?: string;
    /** The user id exactly as Coze sent it, for expected-user-id only (userId is cleaned up to be written). */
    exactUserId?: string;
    userName?: string;
}
/** Proves a token works with a cheap authenticated call, GET /v1/users/me. */
export declare function verifyToken(token: string, config: Pick<MintConfig, 'baseUrl' | 'timeoutMs' | 'retries' | 'deadlineMs' | 'fromOAuthConfig'>, deps: Pick<MintDeps, 'send' | 'userAgent' | 'sleep' | 'random' | 'now' | 'log' | 'debug' | 'redact'>, deadline?: Deadline): Promise<Verification>;
