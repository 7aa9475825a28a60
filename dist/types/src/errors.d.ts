/** A problem with what the user gave us: names the input and what is expected, never the value. */
export declare class InputError extends Error {
    readonly input: string;
    name: string;
    constructor(input: string, expected: string);
}
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
/** Coze could not be reached, or did not answer in time, after every attempt (or at once, when retrying cannot help). */
export declare class NetworkError extends Error {
    readonly hint?: string | undefined;
    name: string;
    constructor(message: string, hint?: string | undefined);
}
/** What went wrong with Coze's own words and ids, and separately what to do about it. */
export declare function explainError(error: unknown): {
    problem: string;
    hint?: string;
};
/** One line a user can act on. */
export declare function describeError(error: unknown): string;
