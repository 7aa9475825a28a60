import { describe, expect, it } from 'vitest';
import { CozeError, NetworkError } from '../src/errors.ts';
import { ResponseTooLargeError, type HttpResponse } from '../src/http.ts';
import { backoffMs, BACKOFF, describeNetworkError, isRetryableStatus, parseRetryAfter, sendWithRetries, type RetryDeps } from '../src/retry.ts';

const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);
const policy = { retries: 3, ...BACKOFF };

function fakeDeps(random = 0.5) {
  const slept: number[] = [];
  const logs: string[] = [];
  const deps: RetryDeps = { sleep: async (ms) => void slept.push(ms), random: () => random, now: () => NOW, log: (m) => void logs.push(m) };
  return { deps, slept, logs };
}
const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: '{}' });

describe('retry policy', () => {
  it('retries network-level statuses only', () => {
    expect([408, 429, 500, 502, 503, 504].map(isRetryableStatus)).toEqual([true, true, true, true, true, true]);
    expect([200, 301, 400, 401, 403, 404, 409, 422].map(isRetryableStatus)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('backs off exponentially with jitter between half and all of the step, capped', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, policy, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffMs(n, policy, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(10, policy, 0.999999)).toBe(BACKOFF.maxDelayMs);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(new Date(NOW + 12_000).toUTCString(), NOW)).toBe(12_000);
    expect(parseRetryAfter(new Date(NOW - 12_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe('sendWithRetries', () => {
  it('returns a final answer at once', async () => {
    const { deps, slept } = fakeDeps();
    let calls = 0;
    const response = await sendWithRetries(async () => (calls++, answer(401)), 'Token request', policy, deps);
    expect(response.status).toBe(401);
    expect(calls).toBe(1);
    expect(slept).toEqual([]);
  });

  it('retries 5xx with growing delays and returns the last answer when retries run out', async () => {
    const { deps, slept, logs } = fakeDeps(0);
    const attempts: number[] = [];
    const response = await sendWithRetries(async (n) => (attempts.push(n), answer(503)), 'Token request', policy, deps);
    expect(response.status).toBe(503);
    expect(attempts).toEqual([0, 1, 2, 3]);
    expect(slept).toEqual([500, 1000, 2000]);
    expect(logs[0]).toBe('Token request: HTTP 503; retrying in 0.5 s (retry 1 of 3)');
  });

  it("honours a 429's Retry-After, capped", async () => {
    const { deps, slept } = fakeDeps(0);
    const answers = [answer(429, { 'retry-after': '3' }), answer(429, { 'retry-after': '3600' }), answer(200)];
    const response = await sendWithRetries(async () => answers.shift() as HttpResponse, 'Token request', policy, deps);
    expect(response.status).toBe(200);
    expect(slept).toEqual([3000, BACKOFF.maxRetryAfterMs]);
  });

  it('turns network errors into one NetworkError after the last attempt', async () => {
    const { deps, slept } = fakeDeps();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const attempt = sendWithRetries(async () => Promise.reject(refused), 'Token request to http://127.0.0.1:9', { ...policy, retries: 2 }, deps);
    await expect(attempt).rejects.toThrow(NetworkError);
    await expect(attempt).rejects.toThrow('Token request to http://127.0.0.1:9: connection refused (3 attempts)');
    expect(slept).toHaveLength(2);
  });

  it('does not retry an oversized answer', async () => {
    const { deps } = fakeDeps();
    let calls = 0;
    const attempt = sendWithRetries(async () => (calls++, Promise.reject(new ResponseTooLargeError('too big'))), 'Token request', policy, deps);
    await expect(attempt).rejects.toThrow(CozeError);
    expect(calls).toBe(1);
  });

  it('names timeouts and resets in words', () => {
    expect(describeNetworkError(new DOMException('x', 'TimeoutError'))).toBe('no complete answer within timeout-seconds');
    expect(describeNetworkError(Object.assign(new Error('x'), { cause: { code: 'ECONNRESET' } }))).toBe('connection reset');
    expect(describeNetworkError(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }))).toBe('the connection closed before the answer was complete');
  });
});
