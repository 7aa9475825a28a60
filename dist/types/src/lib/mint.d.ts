import type { MintedToken } from '../core/coze-response.js';
export interface MintCozeTokenOptions {
    /** The console's coze_oauth_config.json (its text, or the parsed object): the app id, fingerprint, key and site. */
    oauthConfig?: string | Record<string, unknown>;
    /** The OAuth app's id; required unless oauthConfig gives it. */
    appId?: string;
    /** The public key's fingerprint; required unless oauthConfig gives it. */
    publicKeyId?: string;
    /**
     * PEM, PKCS#8 or PKCS#1; pasting accidents (literal \n, CRLF, spaces) are forgiven. Required unless oauthConfig gives
     * it.
     */
    privateKey?: string;
    /** https://api.coze.cn (default) or https://api.coze.com */
    baseUrl?: string;
    audience?: string;
    durationSeconds?: number;
    sessionName?: string;
    scope?: Record<string, unknown>;
    /** Sent as the JWT's session_context, e.g. { connector_info: { connector_id: '2001' } } for a Web SDK token. */
    sessionContext?: Record<string, unknown>;
    /** A team or enterprise organisation id: uses /api/permission/oauth2/account/{id}/token. */
    accountId?: string;
    /** An enterprise id (volcano_…): uses /api/permission/oauth2/enterprise_id/{id}/token. Not with accountId. */
    enterpriseId?: string;
    /** With verify: throw InputError unless the token acts for this Coze user id. */
    expectedUserId?: string;
    /** Limit for one HTTP attempt (default 30). */
    timeoutSeconds?: number;
    /** Limit for the whole call, mint and verify, every attempt and wait (default 120). */
    deadlineSeconds?: number;
    retries?: number;
    /** Also prove the token works with GET /v1/users/me before returning it. */
    verify?: boolean;
    /**
     * Called with each retry notice and one line per HTTP attempt (status, Coze's code and log id, time); silent by
     * default.
     */
    log?: (message: string) => void;
}
/**
 * Mints a short-lived Coze access token from a JWT OAuth app, exactly as the action does.
 * Throws InputError (bad options), CozeError (Coze said no) or NetworkError (Coze not reached).
 */
export declare function mintCozeToken(options: MintCozeTokenOptions): Promise<MintedToken>;
/** A mint that, unless it holds the process, ends with the program when nobody waits for it. */
export declare function mintInTerms(options: MintCozeTokenOptions, holdsProcess: boolean): Promise<MintedToken>;
