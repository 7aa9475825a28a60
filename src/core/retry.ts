// Sending until an answer is final: which failures and answers are tried again, how long to wait, the deadline.
import type { Redact } from '../safe-text/outside.js';
import { term } from '../safe-text/terms.js';
import type { MintConfig } from './config.js';
import { type CozeAnswer, isTransient, readAnswer } from './coze-response.js';
import { CozeError, NetworkError } from './errors.js';
import { type HttpResponse, ResponseTooLargeError } from './http.js';
import { describeNetworkError } from './network-errors.js';

export interface RetryPolicy {
  retries: number;
  /** The limit for one attempt; the deadline may cut it shorter. */
  timeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is cut to it, so a step never hangs for long. */
  maxRetryAfterMs: number;
}

export const BACKOFF = { baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 30_000 } as const;

export function retryPolicy(config: Pick<MintConfig, 'retries' | 'timeoutMs'>): RetryPolicy {
  return { retries: config.retries, timeoutMs: config.timeoutMs, ...BACKOFF };
}

/** When the whole run (mint and verify, every attempt and every wait) must be over. */
export interface Deadline {
  atMs: number;
  seconds: number;
}

export function deadlineFrom(deadlineMs: number, nowMs: number, reservedMs = 0): Deadline {
  return { atMs: nowMs + deadlineMs - reservedMs, seconds: deadlineMs / 1000 };
}

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

const NETWORK_HINT =
  `Check ${term('base-url')}, the network and the proxy settings (HTTPS_PROXY, NO_PROXY), and ` +
  `raise ${term('timeout-seconds')} or ${term('retries')} if Coze is slow`;

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  // A missing or blank header is neither delta-seconds nor a date, so it falls through to undefined.
  const text = value ?? '';
  if (/^\s*\d+\s*$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Exponential backoff with jitter: retry n waits between half and all of base·2ⁿ, capped. */
export function backoffMs(retry: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling * (0.5 + random / 2));
}

export function delayBeforeRetry(
  retry: number,
  answer: CozeAnswer | undefined,
  policy: RetryPolicy,
  deps: RetryDeps,
): number {
  const backoff = backoffMs(retry, policy, deps.random());
  const retryAfter = answer && parseRetryAfter(answer.retryAfter, deps.now());
  return retryAfter === undefined ? backoff : Math.min(policy.maxRetryAfterMs, Math.max(backoff, retryAfter));
}

/** The status, Coze's code and its log id, for a debug line. */
function answerFacts({ status, code, logId }: CozeAnswer): string {
  return [
    `HTTP ${status}`,
    code === undefined ? undefined : `code ${code}`,
    logId === undefined ? undefined : `log id ${logId}`,
  ]
    .filter(Boolean)
    .join(', ');
}

const attempts = (count: number) => `${count} attempt${count === 1 ? '' : 's'}`;

function deadlineError(what: string, deadline: Deadline, tries: number, last: string): NetworkError {
  return new NetworkError(
    `${what}: no answer within ${term('deadline-seconds')} (${deadline.seconds} s) after ${attempts(tries)}; the ` +
      `last: ${last}`,
    `Raise ${term('deadline-seconds')}, or lower ${term('timeout-seconds')} and ${term('retries')} so that every ` +
      `attempt fits in it, and check ${term('base-url')}, the network and the proxy settings`,
  );
}

/**
 * Sends until an answer is final: network errors, timeouts and transient answers (408, 429, 5xx, and Coze's
 * transient codes) are tried again up to policy.retries times, never past the deadline. Each answer is read once;
 * the last is returned read; a network failure becomes a NetworkError, at once when trying again cannot help.
 */
export async function sendWithRetries(
  send: (timeoutMs: number) => Promise<HttpResponse>,
  what: string,
  policy: RetryPolicy,
  deps: RetryDeps,
  deadline: Deadline,
  call?: Call,
): Promise<CozeAnswer> {
  let last = 'none was made';
  for (let attempt = 0; ; attempt++) {
    const left = deadline.atMs - deps.now();
    if (left <= 0) throw deadlineError(what, deadline, attempt, last);
    const timeoutMs = Math.min(policy.timeoutMs, left);
    const startedMs = deps.now();
    const debug = (outcome: string, next: string) => {
      if (deps.debug && call) {
        const url = new URL(call.url);
        deps.debug(
          `${call.method} ${url.origin}${url.pathname}: attempt ${attempt + 1}: ${outcome} after ` +
            `${Math.round(deps.now() - startedMs)} ms; ${next}`,
        );
      }
    };
    let response: CozeAnswer | undefined;
    try {
      response = readAnswer(await send(timeoutMs), deps.redact);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        debug('an answer over 1 MiB', 'no retry');
        throw new CozeError(`${what}: ${error.message}, which is no answer this action expects`);
      }
      const failure = describeNetworkError(error);
      // A bug, or a failure to sign, is no network trouble: it is not retried, nor dressed up as one.
      if (!failure) throw error;
      if (failure.timedOut && timeoutMs < policy.timeoutMs) {
        debug(`no answer (${failure.reason})`, 'the deadline is reached');
        throw deadlineError(what, deadline, attempt + 1, failure.reason);
      }
      if (failure.final || attempt === policy.retries) {
        debug(`no answer (${failure.reason})`, 'no retry');
        if (failure.final) throw new NetworkError(`${what}: ${failure.reason}`, failure.hint);
        throw new NetworkError(`${what}: ${failure.reason} (${attempts(attempt + 1)})`, NETWORK_HINT);
      }
      last = failure.reason;
    }
    const outcome = response ? answerFacts(response) : `no answer (${last})`;
    if (response && (attempt === policy.retries || !isTransient(response))) {
      debug(outcome, 'final');
      return response;
    }
    const delay = delayBeforeRetry(attempt, response, policy, deps);
    const why = response ? `HTTP ${response.status}` : last;
    if (deps.now() + delay >= deadline.atMs) {
      debug(outcome, 'no time left for a retry');
      if (response) {
        deps.log(
          `${what}: ${why}; no retry, as ${term('deadline-seconds')} (${deadline.seconds} s) leaves no time for one`,
        );
        return response;
      }
      throw deadlineError(what, deadline, attempt + 1, last);
    }
    debug(outcome, `waiting ${delay} ms before attempt ${attempt + 2}`);
    deps.log(`${what}: ${why}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt + 1} of ${policy.retries})`);
    await deps.sleep(delay);
  }
}
