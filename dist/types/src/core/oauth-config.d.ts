/** What the file gives a mint: the app id, the key's fingerprint, the key (PEM text), and the site if it names one. */
export interface OAuthConfig {
    appId: string;
    publicKeyId: string;
    privateKey: string;
    /** The origin of coze_api_base. */
    baseUrl?: string;
}
/**
 * Parses coze_oauth_config.json, as text or as the object it parses to. Each break (not JSON, cut short, a field
 * missing or of another type, an app of another kind, a key that is no RSA PEM) is one InputError naming oauth-config
 * and the field.
 */
export declare function parseOAuthConfig(input: string | Record<string, unknown>): OAuthConfig;
/** Settings given beside oauth-config: '' or undefined when not given (never a default). */
export interface GivenCredentials {
    appId?: string | undefined;
    publicKeyId?: string | undefined;
    privateKey?: string | undefined;
    baseUrl?: string | undefined;
}
/**
 * The file's credentials, with any setting given beside it: one that agrees (the same key in another PEM form, the
 * same origin written otherwise) is fine; one that disagrees is an InputError naming both. The file's site wins
 * when it names one; otherwise a base-url given beside it is returned as given.
 */
export declare function mergeOAuthConfig(config: OAuthConfig, given: GivenCredentials): OAuthConfig;
/**
 * The file's text as a JSON object, for reading its names before the config is checked: bounded, without a byte order
 * mark, no deeper than any config file; undefined when it is none of that.
 */
export declare function oauthConfigObject(text: string): Record<string, unknown> | undefined;
/** A field of the file that holds text, read as an own field only; '' for any other. */
export declare function configText(config: Record<string, unknown>, name: string): string;
/**
 * What to mask and redact of a config, valid or not: every line of the key (however it is wrapped in the file), the
 * app id and the fingerprint, and every line of a file that is not a JSON object. Nothing for text too long to be a
 * config, which is refused before it is used.
 */
export declare function oauthConfigSecrets(input: string | Record<string, unknown>): string[];
