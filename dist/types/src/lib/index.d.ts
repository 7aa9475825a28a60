import type { MintedToken } from '../core/coze-response.js';
export { main as runCommandLine } from '../cli/process.js';
export type { MintedToken } from '../core/coze-response.js';
export { CozeError, InputError, NetworkError } from '../core/errors.js';
export interface MintCozeTokenOptions {
    appId: string;
    publicKeyId: string;
    /** PEM, PKCS#8 or PKCS#1; pasting accidents (literal \n, CRLF, spaces) are forgiven. */
    privateKey: string;
    /** https://api.coze.cn (default) or https://api.coze.com */
    baseUrl?: string;
    audience?: string;
    durationSeconds?: number;
    sessionName?: string;
    scope?: Record<string, unknown>;
    /** A team or enterprise organisation id: uses /api/permission/oauth2/account/{id}/token. */
    accountId?: string;
    /** An enterprise id (volcano_…): uses /api/permission/oauth2/enterprise_id/{id}/token. Not with accountId. */
    enterpriseId?: string;
    /** Limit for one HTTP attempt (default 30). */
    timeoutSeconds?: number;
    /** Limit for the whole call, mint and verify, every attempt and wait (default 120). */
    deadlineSeconds?: number;
    retries?: number;
    /** Also prove the token works with GET /v1/users/me before returning it. */
    verify?: boolean;
    /** Called with each retry notice and one line per HTTP attempt (status, Coze's code and log id, time); silent by default. */
    log?: (message: string) => void;
}
/**
 * Mints a short-lived Coze access token from a JWT OAuth app, exactly as the action does.
 * Throws InputError (bad options), CozeError (Coze said no) or NetworkError (Coze not reached).
 */
export declare function mintCozeToken(options: MintCozeTokenOptions): Promise<MintedToken>;
export interface CozeTokenSourceOptions extends Omit<MintCozeTokenOptions, 'verify'> {
    /** Mint anew this long before the token expires (default 60); never more than half of the token's lifetime. */
    refreshSeconds?: number;
}
/** After a failed refresh, while the cached token still works, the next refresh waits at least this long. */
export declare const REFRESH_RETRY_MS = 5000;
/** A token this close to its expiry is as good as expired: a request made with it might arrive too late. */
export declare const EXPIRY_MARGIN_MS = 10000;
/**
 * A token getter for long jobs, and for `@coze/api`'s `token` option, that refreshes ahead of expiry as Azure
 * Identity's token cycler does: the first call mints; inside the refresh window every caller gets the cached token at
 * once while one refresh runs in the background; a refresh that fails is logged and tried again on a later call
 * (at most every 5 s). Only a caller whose token has expired waits for a mint, and gets its error.
 */
export declare function cozeTokenSource(options: CozeTokenSourceOptions, now?: () => number): () => Promise<string>;
