import { type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
/** What a lookup answers: an error, or every address of the name. */
type Answer = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;
/** A lookup that answers with every address, as dns.lookup does with { all: true }. */
export type LookupAll = (hostname: string, options: LookupOptions, callback: Answer) => void;
export declare const LOOKUP_TIMEOUT = "ELOOKUPTIMEOUT";
/** The request ended before the system's resolver answered. */
export declare class LookupTimeoutError extends Error {
    name: string;
    readonly code = "ELOOKUPTIMEOUT";
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
export declare function createResolver(lookup: LookupAll): Resolver;
/** The system's resolver, one for the process: a lookup it holds is the process's, whichever run started it. */
export declare const systemResolver: Resolver;
export {};
