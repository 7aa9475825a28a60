import type { Redactor } from '../safe-text/redactor.js';
export interface Credentials {
    appId?: string | undefined;
    publicKeyId?: string | undefined;
    privateKey?: string | undefined;
    /** The coze_oauth_config.json, as text or parsed. */
    oauthConfig?: string | Record<string, unknown> | undefined;
}
/**
 * The ids and site of a config file, if it can be read; a broken one is refused later, its secrets masked all the same.
 */
export declare function oauthConfigIds(oauthConfig: Credentials['oauthConfig']): {
    appId?: string;
    publicKeyId?: string;
    baseUrl?: string;
};
/**
 * Registers the credentials with the redactor: the key's lines however they are wrapped, and every line of a config
 * file (each also handed to `mask`, the runner's masking where there is one), and the ids, which the redactor names
 * ([app-id]) rather than blanks.
 */
export declare function protectCredentials(redactor: Redactor, credentials: Credentials, mask?: (secret: string) => void): void;
