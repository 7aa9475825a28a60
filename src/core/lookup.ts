// Name lookups bounded by their request's time: the system's resolver, given up on when the request ends.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

/** What a lookup answers: an error, or every address of the name. */
type Answer = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

/** A lookup that answers with every address, as dns.lookup does with { all: true }. */
export type LookupAll = (hostname: string, options: LookupOptions, callback: Answer) => void;

export const LOOKUP_TIMEOUT = 'ELOOKUPTIMEOUT';

/** The request ended before the system's resolver answered. */
export class LookupTimeoutError extends Error {
  override name = 'LookupTimeoutError';
  readonly code = LOOKUP_TIMEOUT;
}

export interface Resolver {
  /** A lookup for net.connect that gives up on the name when the signal of the moment aborts. */
  boundBy: (signal: () => AbortSignal | undefined) => LookupFunction;
  /** Whether a lookup was given up on when this signal aborted. */
  gaveUp: (signal: AbortSignal) => boolean;
  /** Lookups started and not yet answered, given up on or not. */
  unfinished: () => number;
}

/**
 * The system's lookup (getaddrinfo on libuv's thread pool, so /etc/hosts and the search rules hold) cannot be
 * cancelled: one that never answers holds a thread of the pool until the resolver's own timeout. So every request
 * waits for its name only while it lasts, and a name already being looked up is not looked up again: later
 * attempts wait for the same answer, and at most one thread per name is held.
 */
export function createResolver(lookup: LookupAll): Resolver {
  const pending = new Map<string, Set<Answer>>();
  const gaveUpOn = new WeakSet<AbortSignal>();

  const boundBy =
    (signalOf: () => AbortSignal | undefined): LookupFunction =>
    (hostname, options, callback) => {
      const signal = signalOf();
      // net reads no address from a failed lookup: the '' only fills its place.
      const fail = (error: Error) => callback(error, '');
      const giveUp = (ended: AbortSignal) => {
        gaveUpOn.add(ended);
        fail(new LookupTimeoutError(`no answer from the resolver for ${hostname} in time`));
      };
      if (signal?.aborted) return giveUp(signal);
      const waiter: Answer = (error, addresses) => {
        signal?.removeEventListener('abort', onAbort);
        if (error) return fail(error);
        const first = addresses[0];
        if (options.all) callback(null, addresses);
        else if (first) callback(null, first.address, first.family);
        else fail(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }));
      };
      const onAbort = () => {
        waiters.delete(waiter);
        giveUp(signal as AbortSignal);
      };
      const asked = { family: options.family ?? 0, hints: options.hints ?? 0 };
      const key = `${asked.family}/${asked.hints}/${hostname}`;
      const running = pending.get(key);
      const waiters = running ?? new Set<Answer>();
      waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (running) return;
      pending.set(key, waiters);
      lookup(hostname, asked, (error, addresses) => {
        pending.delete(key);
        for (const each of waiters) each(error, addresses);
      });
    };

  return {
    boundBy,
    gaveUp: (signal) => gaveUpOn.has(signal),
    unfinished: () => pending.size,
  };
}

const systemLookup: LookupAll = (name, options, answer) => dnsLookup(name, { ...options, all: true }, answer);

/** The system's resolver, one for the process: a lookup it holds is the process's, whichever run started it. */
export const systemResolver: Resolver = createResolver(systemLookup);
