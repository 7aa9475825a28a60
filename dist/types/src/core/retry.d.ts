import type { Redact } from '../safe-text/outside.js';
import type { MintConfig } from './config.js';
import { type CozeAnswer } from './coze-response.js';
import { type HttpResponse } from './http.js';
export interface RetryPolicy {
    retries: number;
    /** The limit for one attempt; the deadline may cut it shorter. */
    timeoutMs: number;
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
export declare function retryPolicy(config: Pick<MintConfig, 'retries' | 'timeoutMs'>): RetryPolicy;
/** When the whole run (mint and verify, every attempt and every wait) must be over. */
export interface Deadline {
    atMs: number;
    seconds: number;
}
export declare function deadlineFrom(deadlineMs: number, nowMs: number, reservedMs?: number): Deadline;
export interface RetryDeps {
    sleep: (ms: number) => Promise<void>;
    /** Uniform in [0, 1): jitter. */
    random: () => number;
    now: () => number;
    log: (message: string) => void;
    /** One line per attempt, for step debug logs and --verbose: never a header or body. */
    debug?: (message: string) => void;
    /** What the run keeps out of outside text (its secrets and ids), applied as each answer is read. */
    redact?: Redact;
}
/** What an attempt is, for its debug line: the method and the URL without its query. */
export interface Call {
    method: string;
    url: string;
}
/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export declare function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined;
/** Exponential backoff with jitter: retry n waits between half and all of base·2ⁿ, capped. */
export declare function backoffMs(retry: number, policy: RetryPolicy, random: number): number;
export declare function delayBeforeRetry(retry: number, answer: CozeAnswer | undefined, policy: RetryPolicy, deps: RetryDeps): number;
/**
 * Sends until an answer is final: network errors, timeouts and transient answers (408, 429, 5xx, and Coze's
 * transient codes) are tried again up to policy.retries times, never past the deadline. Each answer is read once;
 * the last is returned read; a network failure becomes a NetworkError, at once when trying again cannot help.
 */
export declare function sendWithRetries(send: (timeoutMs: number) => Promise<HttpResponse>, what: string, policy: RetryPolicy, deps: RetryDeps, deadline: Deadline, call?: Call): Promise<CozeAnswer>;
