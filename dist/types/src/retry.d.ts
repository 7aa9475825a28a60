import { type HttpResponse } from './http.js';
export interface RetryPolicy {
    retries: number;
    baseDelayMs: number;
    maxDelayMs: number;
    /** A Retry-After longer than this is cut to it, so a step never hangs for long. */
    maxRetryAfterMs: number;
}
export declare const BACKOFF: {
    readonly baseDelayMs: 1000;
    readonly maxDelayMs: 8000;
    readonly maxRetryAfterMs: 30000;
};
export interface RetryDeps {
    sleep: (ms: number) => Promise<void>;
    /** Uniform in [0, 1): jitter. */
    random: () => number;
    now: () => number;
    log: (message: string) => void;
}
export declare function isRetryableStatus(status: number): boolean;
/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export declare function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined;
/** Exponential backoff with jitter: retry n waits between half and all of base·2ⁿ, capped. */
export declare function backoffMs(retry: number, policy: RetryPolicy, random: number): number;
export declare function delayBeforeRetry(retry: number, response: HttpResponse | undefined, policy: RetryPolicy, deps: RetryDeps): number;
/**
 * Sends until an answer is final: network errors, timeouts, 408, 429 and 5xx are tried again up to
 * policy.retries times; the last answer is returned as it is, and the last network error becomes a NetworkError.
 */
export declare function sendWithRetries(send: (attempt: number) => Promise<HttpResponse>, what: string, policy: RetryPolicy, deps: RetryDeps): Promise<HttpResponse>;
export declare function describeNetworkError(error: unknown): string;
