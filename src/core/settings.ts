// The one table of settings. The action's inputs, the CLI's flags, environment variables and --help, the library's
// options and their types, defaults, ranges and the wording of errors all derive from it. It imports only its type.

import type { SettingSpec } from './setting-spec.js';

export type { SettingKind, SettingSpec } from './setting-spec.js';

const ALL = ['action', 'cli', 'library'] as const;

export const SETTINGS = {
  'oauth-config': {
    kind: 'config',
    what: 'the coze_oauth_config.json the Coze console gives a JWT (service) app',
    help: "the console's coze_oauth_config.json: app id, fingerprint, key and site",
    secret: true,
    surfaces: ALL,
    env: 'COZE_OAUTH_CONFIG',
    aliases: ['config', 'oauth-config-json', 'coze-oauth-config', 'config-file'],
    workflow: 'secret',
  },
  'app-id': {
    kind: 'id',
    what: "the OAuth app's id from the Coze console",
    help: "the OAuth app's id",
    secret: true,
    required: true,
    surfaces: ALL,
    env: 'COZE_APP_ID',
    metavar: 'ID',
    aliases: ['client-id', 'iss'],
    workflow: 'secret',
  },
  'public-key-id': {
    kind: 'id',
    what: "the public key's fingerprint (公钥指纹) from the Coze console",
    help: "the public key's fingerprint (公钥指纹)",
    secret: true,
    required: true,
    surfaces: ALL,
    env: 'COZE_PUBLIC_KEY_ID',
    metavar: 'ID',
    aliases: ['key-id', 'kid', 'keyid', 'fingerprint', 'public-key-fingerprint'],
    workflow: 'secret',
  },
  'private-key': {
    kind: 'pem',
    what: "the app's private key (PEM) that the Coze console let you download",
    help: "the app's private key, PEM",
    secret: true,
    required: true,
    surfaces: ALL,
    env: 'COZE_PRIVATE_KEY',
    aliases: ['key', 'pem', 'private-key-pem', 'secret-key', 'key-file', 'private-key-path'],
    workflow: 'secret',
  },
  'base-url': {
    kind: 'url',
    what: 'the origin of the Coze API, https://api.coze.cn or https://api.coze.com',
    help: 'https://api.coze.cn (default) or https://api.coze.com',
    default: 'https://api.coze.cn',
    surfaces: ALL,
    env: 'COZE_API_BASE',
    metavar: 'URL',
    aliases: ['api-base', 'coze-api-base', 'base', 'url', 'endpoint', 'host', 'api-url'],
    workflow: 'input',
  },
  audience: {
    kind: 'text',
    what: 'the JWT audience',
    help: "the JWT's aud (default: the host name of --base-url)",
    surfaces: ALL,
    metavar: 'AUD',
    aliases: ['aud'],
    workflow: 'input',
  },
  'duration-seconds': {
    kind: 'integer',
    what: "the token's lifetime in seconds",
    help: 'token lifetime, 1 to 86399 (default 900)',
    default: '900',
    range: [1, 86399],
    surfaces: ALL,
    metavar: 'N',
    aliases: ['ttl', 'duration', 'expires-in', 'lifetime', 'duration-in-seconds'],
    workflow: 'input',
  },
  'session-name': {
    kind: 'text',
    what: "an end user's id for the token's session",
    help: "the JWT's session_name",
    surfaces: ALL,
    metavar: 'NAME',
    aliases: ['session', 'session-id'],
    workflow: 'input',
  },
  scope: {
    kind: 'json',
    what:
      "a JSON object sent as the token request's scope, such as " +
      '{"account_permission":{"permission_list":["Connector.botChat"]}}',
    help: "a JSON object sent as the request's scope",
    surfaces: ALL,
    metavar: 'JSON',
    aliases: ['scopes', 'permissions'],
    workflow: 'input',
  },
  'session-context': {
    kind: 'json',
    what: 'a JSON object sent as the JWT\'s session_context, such as {"connector_info":{"connector_id":"2001"}}',
    help: "a JSON object sent as the JWT's session_context",
    surfaces: ALL,
    metavar: 'JSON',
    aliases: ['context', 'session-ctx'],
    workflow: 'input',
  },
  'account-id': {
    kind: 'id',
    what: 'the numeric id of a Coze organisation, or of the workspace owner for cross-account use',
    help: 'an organisation id: use /api/permission/oauth2/account/{id}/token',
    surfaces: ALL,
    metavar: 'ID',
    aliases: ['org-id', 'organization-id', 'organisation-id', 'account'],
    workflow: 'input',
  },
  'enterprise-id': {
    kind: 'id',
    what: 'a Coze enterprise id such as volcano_2101…',
    help: 'an enterprise id (volcano_...): use its endpoint; not with --account-id',
    surfaces: ALL,
    metavar: 'ID',
    aliases: ['enterprise'],
    workflow: 'input',
  },
  'expected-user-id': {
    kind: 'id',
    what: 'the user_id /v1/users/me gives',
    help: 'check: fail unless the token acts for this Coze user id',
    surfaces: ALL,
    metavar: 'ID',
    aliases: ['user-id', 'expected-user', 'user'],
    workflow: 'input',
  },
  'timeout-seconds': {
    kind: 'integer',
    what: 'the limit for one HTTP attempt in seconds',
    help: 'limit for one HTTP attempt (default 30)',
    default: '30',
    range: [1, 600],
    surfaces: ALL,
    metavar: 'N',
    aliases: ['timeout', 'request-timeout'],
    workflow: 'input',
  },
  'deadline-seconds': {
    kind: 'integer',
    what: 'the limit for the whole run in seconds',
    help: 'limit for the whole command, every attempt and wait (default 120)',
    default: '120',
    range: [1, 3600],
    surfaces: ALL,
    metavar: 'N',
    aliases: ['deadline', 'total-timeout'],
    workflow: 'input',
  },
  retries: {
    kind: 'integer',
    what: 'the number of extra attempts',
    help: 'extra attempts after network errors and transient answers (default 3)',
    default: '3',
    range: [0, 10],
    surfaces: ALL,
    metavar: 'N',
    aliases: ['retry', 'max-retries', 'attempts'],
    workflow: 'input',
  },
  'export-env': {
    kind: 'boolean',
    what: 'true or false',
    help: 'export COZE_API_TOKEN and COZE_API_BASE to the later steps of the job',
    default: 'false',
    surfaces: ['action'],
  },
  verify: {
    kind: 'boolean',
    what: 'true or false',
    help: 'prove the token works with /v1/users/me (the CLI: coze-token check)',
    default: 'false',
    surfaces: ['action', 'library'],
    workflow: 'input',
  },
  summary: {
    kind: 'boolean',
    what: 'true or false',
    help: 'write a job summary',
    default: 'true',
    surfaces: ['action'],
  },
  'issue-on-failure': {
    kind: 'boolean',
    what: 'true or false',
    help: 'open an issue on failure, close it on recovery',
    default: 'false',
    surfaces: ['action'],
    workflow: 'input',
  },
  'github-token': {
    kind: 'token',
    what: 'a GitHub token that may write issues',
    help: 'the token for issue-on-failure',
    default: '${{ github.token }}',
    secret: true,
    surfaces: ['action'],
    workflow: 'secret',
  },
} as const satisfies Record<string, SettingSpec>;

/** A setting as action.yml names it. */
export type Setting = keyof typeof SETTINGS;

/** The settings one surface takes, in the table's order. */
export function settingsOf(surface: SettingSpec['surfaces'][number]): Setting[] {
  return (Object.keys(SETTINGS) as Setting[]).filter((name) =>
    (SETTINGS[name].surfaces as readonly string[]).includes(surface),
  );
}

export function specOf(name: Setting): SettingSpec {
  return SETTINGS[name];
}

/** The library's name of a setting: camelCase (duration-seconds is durationSeconds) unless the table says otherwise. */
export function optionName(name: string): string {
  const spec = (SETTINGS as Record<string, SettingSpec | undefined>)[name];
  return spec?.option ?? name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
