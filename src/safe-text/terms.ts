// Terms: the action, the CLI and the library name one setting differently (`base-url:`, `--base-url`, `baseUrl`).
// Messages name a setting as term('base-url'), or with its value as setting('base-url', 'https://api.coze.com'), and
// each surface writes them in its own words, from the settings table.
import { optionName, SETTINGS, type Setting, type SettingSpec } from '../core/settings.js';

export type { Setting } from '../core/settings.js';
export type Surface = 'action' | 'cli' | 'library';

export const term = (name: Setting): string => `⟦${name}⟧`;
export const setting = (name: Setting, value: string): string => `⟦${name}=${value}⟧`;

const specOf = (name: string): SettingSpec | undefined =>
  Object.hasOwn(SETTINGS, name) ? SETTINGS[name as Setting] : undefined;

/** The environment variable the CLI reads a setting from, if any. */
export const cliEnvironmentVariable = (name: string): string | undefined => specOf(name)?.env;

/** HTTPS_PROXY, COZE_PRIVATE_KEY: a setting from the environment, named as it is on every surface. */
export const isEnvironmentVariable = (name: string): boolean => /^[A-Za-z]+_[A-Za-z_]+$/.test(name);

/** The command line's names for the key: it has two flags and two environment variables for it. */
export const CLI_KEY_SOURCES = '--private-key-file (or --private-key -, COZE_PRIVATE_KEY_FILE, COZE_PRIVATE_KEY)';

/** Settings the command line takes from a file (a secret on the command line would land in shell history). */
export const CLI_FILE_SETTINGS: Readonly<Record<string, string>> = {
  'private-key': CLI_KEY_SOURCES,
  'oauth-config': '--oauth-config-file (or COZE_OAUTH_CONFIG)',
};

const NAMES: Record<Surface, (name: string) => string> = {
  action: (name) => name,
  library: optionName,
  // The command line's own words (the command, the arguments as a whole, a flag as typed) stay as they are.
  cli: (name) => {
    if (name === 'command' || name === 'arguments' || name.startsWith('--') || isEnvironmentVariable(name)) return name;
    return Object.hasOwn(CLI_FILE_SETTINGS, name) ? (CLI_FILE_SETTINGS[name] as string) : `--${name}`;
  },
};

const SETTINGS_IN_WORDS: Record<Surface, (name: string, value: string) => string> = {
  action: (name, value) => `${name}: ${value}`,
  library: (name, value) => `${optionName(name)}: ${/^(true|false|\d+)$/.test(value) ? value : `'${value}'`}`,
  cli: (name, value) => {
    if (name !== 'verify') return `--${name} ${value}`;
    return value === 'false' ? 'coze-token mint instead of check' : 'coze-token check';
  },
};

/** The field of the console's coze_oauth_config.json that gives each credential. */
const CONFIG_FIELDS: Readonly<Record<string, string>> = {
  'app-id': 'client_id',
  'public-key-id': 'public_key_id',
  'private-key': 'private_key',
  'base-url': 'coze_api_base',
};

/** The text with the terms of credentials that oauth-config gave written as the file's fields: "the client_id of …". */
export function inOAuthConfigTerms(text: string, fromFile: readonly string[]): string {
  return text.replace(/⟦([a-z-]+)⟧/g, (whole, name: string) =>
    fromFile.includes(name) && Object.hasOwn(CONFIG_FIELDS, name)
      ? `the ${CONFIG_FIELDS[name]} of ⟦oauth-config⟧`
      : whole,
  );
}

/** How a surface names a setting. */
export function nameOf(name: string, surface: Surface): string {
  return NAMES[surface](name);
}

/** The text with every term and setting in the surface's words. */
export function inTermsOf(surface: Surface, text: string): string {
  return text.replace(/⟦([a-z-]+)(?:=([^⟧]*))?⟧/g, (_, name: string, value: string | undefined) =>
    value === undefined ? NAMES[surface](name) : SETTINGS_IN_WORDS[surface](name, value),
  );
}
