/**
 * The known name an unknown one most likely meant: the same but for case, - and _, an SDK spelling, the start of
 * only one known name (timeout for timeoutSeconds), or a typo or two away.
 */
export declare function nearestName(name: string, known: readonly string[]): string | undefined;
/**
 * Refuses options that `fn` does not take, naming each (never its value) and the option it most likely meant, so a
 * misspelling such as baseURL cannot silently fall back to a default.
 */
export declare function checkOptionNames(options: unknown, known: readonly string[], fn: string): void;
