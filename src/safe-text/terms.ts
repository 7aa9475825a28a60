// The action, the CLI and the library take the same settings under different names: `base-url:` in a workflow,
// `--base-url` on the command line, `baseUrl` in code. Messages name a setting as term('base-url'), or a setting
// with its value as setting('base-url', 'https://api.coze.com'), and each surface writes them in its own words.

export type Surface = 'action' | 'cli' | 'library';

/** Settings as action.yml names them; `private-key-file` and `command` exist only on the command line. */
export type Setting =
  | 'app-id'
  | 'public-key-id'
  | 'private-key'
  | 'base-url'
  | 'audience'
  | 'duration-seconds'
  | 'session-name'
  | 'scope'
  | 'account-id'
  | 'enterprise-id'
  | 'timeout-seconds'
  | 'deadline-seconds'
  | 'retries'
  | 'verify'
  | 'oauth-config'
  | 'session-context'
  | 'expected-user-id';

export const term = (name: Setting): string => `⟦${name}⟧`;
export const setting = (name: Setting, value: string): string => `⟦${name}=${value}⟧`;

/** The environment variables the CLI reads a setting from. */
export const CLI_ENV: Partial<Record<string, string>> = {
  'app-id': 'COZE_APP_ID',
  'public-key-id': 'COZE_PUBLIC_KEY_ID',
  'private-key-file': 'COZE_PRIVATE_KEY_FILE',
  'base-url': 'COZE_API_BASE',
};

/** HTTPS_PROXY, COZE_PRIVATE_KEY: a setting from the environment, named as it is on every surface. */
export const isEnvironmentVariable = (name: string): boolean => /^[A-Za-z]+_[A-Za-z_]+$/.test(name);

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

const NAMES: Record<Surface, (name: string) => string> = {
  action: (name) => name,
  library: camel,
  // The command line's own words (the command, the arguments as a whole, a flag as typed) stay as they are.
  cli: (name) => {
    if (name === 'command' || name === 'arguments' || name.startsWith('--') || isEnvironmentVariable(name)) return name;
    return name === 'private-key' ? '--private-key-file (or --private-key -, COZE_PRIVATE_KEY_FILE, COZE_PRIVATE_KEY)' : `--${name}`;
  },
};

const SETTINGS: Record<Surface, (name: string, value: string) => string> = {
  action: (name, value) => `${name}: ${value}`,
  library: (name, value) => `${camel(name)}: ${/^(true|false|\d+)$/.test(value) ? value : `'${value}'`}`,
  cli: (name, value) => {
    if (name !== 'verify') return `--${name} ${value}`;
    return value === 'false' ? 'coze-token mint instead of check' : 'coze-token check';
  },
};

/** How a surface names a setting. */
export function nameOf(name: string, surface: Surface): string {
  return NAMES[surface](name);
}

/** The text with every term and setting in the surface's words. */
export function inTermsOf(surface: Surface, text: string): string {
  return text.replace(/⟦([a-z-]+)(?:=([^⟧]*))?⟧/g, (_, name: string, value: string | undefined) =>
    value === undefined ? NAMES[surface](name) : SETTINGS[surface](name, value),
  );
}
