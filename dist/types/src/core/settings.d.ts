import type { SettingSpec } from './setting-spec.js';
export type { SettingKind, SettingSpec } from './setting-spec.js';
export declare const SETTINGS: {
    readonly 'oauth-config': {
        readonly kind: 'config';
        readonly what: 'the coze_oauth_config.json the Coze console gives a JWT (service) app';
        readonly help: "the console's coze_oauth_config.json: app id, fingerprint, key and site";
        readonly secret: true;
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly env: 'COZE_OAUTH_CONFIG';
        readonly aliases: readonly ["config", "oauth-config-json", "coze-oauth-config", "config-file"];
        readonly workflow: 'secret';
    };
    readonly 'app-id': {
        readonly kind: 'id';
        readonly what: "the OAuth app's id from the Coze console";
        readonly help: "the OAuth app's id";
        readonly secret: true;
        readonly required: true;
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly env: 'COZE_APP_ID';
        readonly metavar: 'ID';
        readonly aliases: readonly ["client-id", "iss"];
        readonly workflow: 'secret';
    };
    readonly 'public-key-id': {
        readonly kind: 'id';
        readonly what: "the public key's fingerprint (公钥指纹) from the Coze console";
        readonly help: "the public key's fingerprint (公钥指纹)";
        readonly secret: true;
        readonly required: true;
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly env: 'COZE_PUBLIC_KEY_ID';
        readonly metavar: 'ID';
        readonly aliases: readonly ["key-id", "kid", "keyid", "fingerprint", "public-key-fingerprint"];
        readonly workflow: 'secret';
    };
    readonly 'private-key': {
        readonly kind: 'pem';
        readonly what: "the app's private key (PEM) that the Coze console let you download";
        readonly help: "the app's private key, PEM";
        readonly secret: true;
        readonly required: true;
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly env: 'COZE_PRIVATE_KEY';
        readonly aliases: readonly ["key", "pem", "private-key-pem", "secret-key", "key-file", "private-key-path"];
        readonly workflow: 'secret';
    };
    readonly 'base-url': {
        readonly kind: 'url';
        readonly what: 'the origin of the Coze API, https://api.coze.cn or https://api.coze.com';
        readonly help: 'https://api.coze.cn (default) or https://api.coze.com';
        readonly default: 'https://api.coze.cn';
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly env: 'COZE_API_BASE';
        readonly metavar: 'URL';
        readonly aliases: readonly ["api-base", "coze-api-base", "base", "url", "endpoint", "host", "api-url"];
        readonly workflow: 'input';
    };
    readonly audience: {
        readonly kind: 'text';
        readonly what: 'the JWT audience';
        readonly help: "the JWT's aud (default: the host name of --base-url)";
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'AUD';
        readonly aliases: readonly ["aud"];
        readonly workflow: 'input';
    };
    readonly 'duration-seconds': {
        readonly kind: 'integer';
        readonly what: "the token's lifetime in seconds";
        readonly help: 'token lifetime, 1 to 86399 (default 900)';
        readonly default: '900';
        readonly range: readonly [1, 86399];
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'N';
        readonly aliases: readonly ["ttl", "duration", "expires-in", "lifetime", "duration-in-seconds"];
        readonly workflow: 'input';
    };
    readonly 'session-name': {
        readonly kind: 'text';
        readonly what: "an end user's id for the token's session";
        readonly help: "the JWT's session_name";
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'NAME';
        readonly aliases: readonly ["session", "session-id"];
        readonly workflow: 'input';
    };
    readonly scope: {
        readonly kind: 'json';
        readonly what: string;
        readonly help: "a JSON object sent as the request's scope";
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'JSON';
        readonly aliases: readonly ["scopes", "permissions"];
        readonly workflow: 'input';
    };
    readonly 'session-context': {
        readonly kind: 'json';
        readonly what: 'a JSON object sent as the JWT\'s session_context, such as {"connector_info":{"connector_id":"2001"}}';
        readonly help: "a JSON object sent as the JWT's session_context";
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'JSON';
        readonly aliases: readonly ["context", "session-ctx"];
        readonly workflow: 'input';
    };
    readonly 'account-id': {
        readonly kind: 'id';
        readonly what: 'the numeric id of a Coze organisation, or of the workspace owner for cross-account use';
        readonly help: 'an organisation id: use /api/permission/oauth2/account/{id}/token';
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'ID';
        readonly aliases: readonly ["org-id", "organization-id", "organisation-id", "account"];
        readonly workflow: 'input';
    };
    readonly 'enterprise-id': {
        readonly kind: 'id';
        readonly what: 'a Coze enterprise id such as volcano_2101…';
        readonly help: 'an enterprise id (volcano_...): use its endpoint; not with --account-id';
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'ID';
        readonly aliases: readonly ["enterprise"];
        readonly workflow: 'input';
    };
    readonly 'expected-user-id': {
        readonly kind: 'id';
        readonly what: 'the user_id /v1/users/me gives';
        readonly help: 'check: fail unless the token acts for this Coze user id';
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'ID';
        readonly aliases: readonly ["user-id", "expected-user", "user"];
        readonly workflow: 'input';
    };
    readonly 'timeout-seconds': {
        readonly kind: 'integer';
        readonly what: 'the limit for one HTTP attempt in seconds';
        readonly help: 'limit for one HTTP attempt (default 30)';
        readonly default: '30';
        readonly range: readonly [1, 600];
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'N';
        readonly aliases: readonly ["timeout", "request-timeout"];
        readonly workflow: 'input';
    };
    readonly 'deadline-seconds': {
        readonly kind: 'integer';
        readonly what: 'the limit for the whole run in seconds';
        readonly help: 'limit for the whole command, every attempt and wait (default 120)';
        readonly default: '120';
        readonly range: readonly [1, 3600];
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'N';
        readonly aliases: readonly ["deadline", "total-timeout"];
        readonly workflow: 'input';
    };
    readonly retries: {
        readonly kind: 'integer';
        readonly what: 'the number of extra attempts';
        readonly help: 'extra attempts after network errors and transient answers (default 3)';
        readonly default: '3';
        readonly range: readonly [0, 10];
        readonly surfaces: readonly ["action", "cli", "library"];
        readonly metavar: 'N';
        readonly aliases: readonly ["retry", "max-retries", "attempts"];
        readonly workflow: 'input';
    };
    readonly 'export-env': {
        readonly kind: 'boolean';
        readonly what: 'true or false';
        readonly help: 'export COZE_API_TOKEN and COZE_API_BASE to the later steps of the job';
        readonly default: 'false';
        readonly surfaces: readonly ["action"];
    };
    readonly verify: {
        readonly kind: 'boolean';
        readonly what: 'true or false';
        readonly help: 'prove the token works with /v1/users/me (the CLI: coze-token check)';
        readonly default: 'false';
        readonly surfaces: readonly ["action", "library"];
        readonly workflow: 'input';
    };
    readonly summary: {
        readonly kind: 'boolean';
        readonly what: 'true or false';
        readonly help: 'write a job summary';
        readonly default: 'true';
        readonly surfaces: readonly ["action"];
    };
    readonly 'issue-on-failure': {
        readonly kind: 'boolean';
        readonly what: 'true or false';
        readonly help: 'open an issue on failure, close it on recovery';
        readonly default: 'false';
        readonly surfaces: readonly ["action"];
        readonly workflow: 'input';
    };
    readonly 'github-token': {
        readonly kind: 'token';
        readonly what: 'a GitHub token that may write issues';
        readonly help: 'the token for issue-on-failure';
        readonly default: '${{ github.token }}';
        readonly secret: true;
        readonly surfaces: readonly ["action"];
        readonly workflow: 'secret';
    };
};
/** A setting as action.yml names it. */
export type Setting = keyof typeof SETTINGS;
/** The settings one surface takes, in the table's order. */
export declare function settingsOf(surface: SettingSpec['surfaces'][number]): Setting[];
export declare function specOf(name: Setting): SettingSpec;
/** The library's name of a setting: camelCase (duration-seconds is durationSeconds) unless the table says otherwise. */
export declare function optionName(name: string): string;
