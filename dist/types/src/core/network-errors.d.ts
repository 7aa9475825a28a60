export interface NetworkFailure {
    reason: string;
    /** Trying again cannot help (a proxy or a certificate said no). */
    final: boolean;
    timedOut: boolean;
    hint?: string;
}
/** Whose API the request was for: the words name it, and Coze's limits are Coze's alone. */
export type Api = 'Coze' | 'GitHub';
/** The failure in words; undefined when the error is not a network failure at all (a bug, a failure to sign). */
export declare function describeNetworkError(error: unknown, api?: Api): NetworkFailure | undefined;
