// The token source's cache and renewal, to the millisecond, on a clock the test sets and a mint it answers by hand.
import { describe, expect, it } from 'vitest';
import type { MintedToken } from '../../src/core/coze-response.ts';
import { EXPIRY_MARGIN_MS, REFRESH_RETRY_MS, renewingSource } from '../../src/lib/token-source.ts';

/** Far from the real time, so that only this clock counts. */
const START = 1_000_000;

/** A clock the test sets, and a mint whose calls wait until the test answers them. */
function bench(refreshSeconds: number, log?: (message: string) => void) {
  let time = START;
  const calls: Array<PromiseWithResolvers<MintedToken>> = [];
  const now = () => time;
  const source = renewingSource(
    () => {
      const call = Promise.withResolvers<MintedToken>();
      calls.push(call);
      return call.promise;
    },
    { refreshSeconds, now, log },
  );
  return {
    source,
    calls,
    at: (ms: number) => void (time = START + ms),
    /** Answers the mint call `index` with a token that lives `seconds`, expiring `skewMs` later by Coze's clock. */
    issue: async (index: number, token: string, seconds: number, skewMs = 0) => {
      calls[index]?.resolve({ token, expiresIn: seconds, expiresAt: new Date(now() + seconds * 1000 + skewMs) });
      await calls[index]?.promise;
    },
  };
}

describe('renewingSource', () => {
  it('mints once for every caller that waits, and hands out the cached token until it is due', async () => {
    const { source, calls, issue, at } = bench(60);
    const waiting = [source(), source(), source()];
    expect(calls).toHaveLength(1);
    await issue(0, 'first', 900);
    expect(await Promise.all(waiting)).toEqual(['first', 'first', 'first']);
    at(839_999);
    expect(await source()).toBe('first');
    expect(calls).toHaveLength(1);
  });

  it('refreshes from refreshSeconds before expiry, once, and hands out the working token meanwhile', async () => {
    const { source, calls, issue, at } = bench(60);
    const first = source();
    await issue(0, 'first', 900);
    await first;
    at(840_000);
    expect([await source(), await source()]).toEqual(['first', 'first']);
    expect(calls).toHaveLength(2);
    await issue(1, 'second', 900);
    expect(await source()).toBe('second');
  });

  it('makes a caller wait for a new token from the margin before expiry, not a millisecond earlier', async () => {
    const { source, calls, issue, at } = bench(0);
    const first = source();
    await issue(0, 'first', 900);
    await first;
    at(900_000 - EXPIRY_MARGIN_MS - 1);
    expect(await source()).toBe('first');
    expect(calls).toHaveLength(1);
    at(900_000 - EXPIRY_MARGIN_MS);
    const waited = source();
    expect(calls).toHaveLength(2);
    await issue(1, 'second', 900);
    expect(await waited).toBe('second');
  });

  it('never waits past half the life of a short token', async () => {
    const { source, calls, issue, at } = bench(600);
    const first = source();
    await issue(0, 'first', 60);
    await first;
    at(29_999);
    await source();
    expect(calls).toHaveLength(1);
    at(30_000);
    await source();
    expect(calls).toHaveLength(2);
  });

  it("takes Coze's expiry where the two clocks agree within 2 s, and its own count where they do not", async () => {
    for (const [skewMs, dueAtMs] of [
      [2000, 842_000],
      [2001, 840_000],
    ]) {
      const { source, calls, issue, at } = bench(60);
      const first = source();
      await issue(0, 'first', 900, skewMs);
      await first;
      at((dueAtMs as number) - 1);
      await source();
      expect(calls, `skew ${skewMs}`).toHaveLength(1);
      at(dueAtMs as number);
      await source();
      expect(calls, `skew ${skewMs}`).toHaveLength(2);
    }
  });

  it('logs a failed refresh once, keeps the token, and tries again REFRESH_RETRY_MS after the failure', async () => {
    const logged: string[] = [];
    const { source, calls, issue, at } = bench(60, (line) => logged.push(line));
    const first = source();
    await issue(0, 'first', 900);
    await first;
    at(850_000);
    expect([await source(), await source()]).toEqual(['first', 'first']);
    expect(calls).toHaveLength(2);
    at(851_000);
    calls[1]?.reject(new Error('Coze is busy'));
    await new Promise((settled) => setImmediate(settled));
    expect(logged).toEqual([
      'Refreshing the Coze token failed; the current one still works, and a later call tries again: Coze is busy',
    ]);
    at(851_000 + REFRESH_RETRY_MS - 1);
    expect(await source()).toBe('first');
    expect(calls).toHaveLength(2);
    at(851_000 + REFRESH_RETRY_MS);
    expect(await source()).toBe('first');
    expect(calls).toHaveLength(3);
  });
});
