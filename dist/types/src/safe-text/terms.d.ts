import { type Setting } from '../core/settings.js';
export type { Setting } from '../core/settings.js';
export type Surface = 'action' | 'cli' | 'library';
export declare const term: (name: Setting) => string;
export declare const setting: (name: Setting, value: string) => string;
/** The environment variable the CLI reads a setting from, if any. */
export declare const cliEnvironmentVariable: (name: string) => string | undefined;
/** HTTPS_PROXY, COZE_PRIVATE_KEY: a setting from the environment, named as it is on every surface. */
export declare const isEnvironmentVariable: (name: string) => boolean;
/** The command line's names for the key: it has two flags and two environment variables for it. */
export declare const CLI_KEY_SOURCES = "--private-key-file (or --private-key -, COZE_PRIVATE_KEY_FILE, COZE_PRIVATE_KEY)";
/** Settings the command line takes from a file (a secret on the command line would land in shell history). */
export declare const CLI_FILE_SETTINGS: Readonly<Record<string, string>>;
/** The text with the terms of credentials that oauth-config gave written as the file's fields: "the client_id of …". */
export declare function inOAuthConfigTerms(text: string, fromFile: readonly string[]): string;
/** How a surface names a setting. */
export declare function nameOf(name: string, surface: Surface): string;
/** The text with every term and setting in the surface's words. */
export declare function inTermsOf(surface: Surface, text: string): string;
