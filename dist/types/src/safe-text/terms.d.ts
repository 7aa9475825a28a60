export type Surface = 'action' | 'cli' | 'library';
/** Settings as action.yml names them; `private-key-file` and `command` exist only on the command line. */
export type Setting = 'app-id' | 'public-key-id' | 'private-key' | 'base-url' | 'audience' | 'duration-seconds' | 'session-name' | 'scope' | 'account-id' | 'enterprise-id' | 'timeout-seconds' | 'deadline-seconds' | 'retries' | 'verify';
export declare const term: (name: Setting) => string;
export declare const setting: (name: Setting, value: string) => string;
/** The environment variables the CLI reads a setting from. */
export declare const CLI_ENV: Partial<Record<string, string>>;
/** HTTPS_PROXY, COZE_PRIVATE_KEY: a setting from the environment, named as it is on every surface. */
export declare const isEnvironmentVariable: (name: string) => boolean;
/** How a surface names a setting. */
export declare function nameOf(name: string, surface: Surface): string;
/** The text with every term and setting in the surface's words. */
export declare function inTermsOf(surface: Surface, text: string): string;
