import { type Surface } from '../safe-text/terms.js';
/** A problem with what the user gave us: names the setting(s) and what is expected, never the value. */
export declare class InputError extends Error {
    readonly expected: string;
    name: string;
    readonly inputs: readonly string[];
    /** The names are the user's own (unknown option names), shown as given on every surface. */
    readonly asGiven: boolean;
    constructor(input: string | readonly string[], expected: string, { asGiven }?: {
        asGiven?: boolean | undefined;
    });
    get input(): string;
}
export declare function inputErrorText(inputs: readonly string[], expected: string, surface: Surface, asGiven: boolean): string;
export interface CozeErrorDetails {
    status?: number;
    code?: string;
    logId?: string;
    hint?: string;
}
/** Coze answered, and the answer was not what we asked for. */
export declare class CozeError extends Error {
    readonly details: CozeErrorDetails;
    name: string;
    constructor(message: string, details?: CozeErrorDetails);
}
/**
 * Coze could not be reached, or did not answer in time, after every attempt (or at once, when retrying cannot help).
 */
export declare class NetworkError extends Error {
    readonly hint?: string | undefined;
    name: string;
    constructor(message: string, hint?: string | undefined);
}
/** What went wrong with Coze's own words and ids, and separately what to do about it, in the surface's words. */
export declare function explainError(error: unknown, surface?: Surface): {
    problem: string;
    hint?: string;
};
/** One line a user can act on. */
export declare function describeError(error: unknown, surface?: Surface): string;
