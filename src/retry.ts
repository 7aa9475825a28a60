import { CozeError, NetworkError } from './errors.js';
import { ResponseTooLargeError, type HttpResponse } from './http.js';

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it, so a step never hangs for long. */
  maxRetryAfterMs: number;
}

export const BACKOFF = { baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 30_000 } as const;

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1): jitter. */
  random: () => number;
  now: () => number;
  log: (message: string) => void;
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff with jitter: retry n waits between half and all of base·2ⁿ, capped. */
export function backoffMs(retry: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling * (0.5 + random / 2));
}

export function delayBeforeRetry(retry: number, response: HttpResponse | undefined, policy: RetryPolicy, deps: RetryDeps): number {
  const backoff = backoffMs(retry, policy, deps.random());
  const retryAfter = response && parseRetryAfter(response.headers['retry-after'], deps.now());
  return retryAfter === undefined ? backoff : Math.min(policy.maxRetryAfterMs, Math.max(backoff, retryAfter));
}

/**
 * Sends until an answer is final: network errors, timeouts, 408, 429 and 5xx are tried again up to
 * policy.retries times; the last answer is returned as it is, and the last network error becomes a NetworkError.
 */
export async function sendWithRetries(
  send: (attempt: number) => Promise<HttpResponse>,
  what: string,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    let response: HttpResponse | undefined;
    let failure: string | undefined;
    try {
      response = await send(attempt);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) throw new CozeError(`${what}: ${error.message}, which is no answer this action expects`);
      failure = describeNetworkError(error);
    }
    if (response && (!isRetryableStatus(response.status) || attempt === policy.retries)) return response;
    if (attempt === policy.retries) {
      const tries = attempt + 1;
      throw new NetworkError(`${what}: ${failure} (${tries} attempt${tries === 1 ? '' : 's'}). Check the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY), and raise timeout-seconds or retries if Coze is slow`);
    }
    const delay = delayBeforeRetry(attempt, response, policy, deps);
    const why = response ? `HTTP ${response.status}` : failure;
    deps.log(`${what}: ${why}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt + 1} of ${policy.retries})`);
    await deps.sleep(delay);
  }
}

export function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'the request failed';
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no complete answer within timeout-seconds';
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_SOCKET: 'the connection closed before the answer was complete',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no answer within timeout-seconds',
    UND_ERR_BODY_TIMEOUT: 'the answer stalled',
  };
  return (code && known[code]) ?? `the request failed${code ? ` (${code})` : ''}`;
}
