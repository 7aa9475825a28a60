import type { MintedToken } from '../core/coze-response.js';
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
/** A mint that, unless it holds the process, ends with the program when nobody waits for it. */
export declare function mintInTerms(options: MintCozeTokenOptions, holdsProcess: boolean): Promise<MintedToken>;
