/**
 * Names of other tools and of Coze's SDKs for the library's options (keyid, kid, aud, ...), from the settings table.
 */
export declare const LIBRARY_ALIASES: Record<string, string>;
/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
export declare function editDistance(a: string, b: string): number;
/**
 * The known name an unknown one most likely meant: the same but for case, - and _, a name that means it (`aliases`,
 * such as key-id for public-key-id), the start of only one known name (timeout for timeoutSeconds), or a typo or two
 * away.
 */
export declare function nearestName(name: string, known: readonly string[], aliases?: Record<string, string>): string | undefined;
/**
 * Refuses options that `fn` does not take, naming each (never its value) and the option it most likely meant, so a
 * misspelling such as baseURL cannot silently fall back to a default.
 */
export declare function checkOptionNames(options: unknown, known: readonly string[], fn: string): void;
