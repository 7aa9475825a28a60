import type { MintedToken } from '../core/coze-response.js';
import { type MintCozeTokenOptions } from './mint.js';
export interface CozeTokenSourceOptions extends Omit<MintCozeTokenOptions, 'verify' | 'expectedUserId'> {
    /** Mint anew this long before the token expires (default 60); never more than half of the token's lifetime. */
    refreshSeconds?: number;
}
/** After a failed refresh, while the cached token still works, the next refresh waits at least this long. */
export declare const REFRESH_RETRY_MS = 5000;
/** A token this close to its expiry is as good as expired: a request made with it might arrive too late. */
export declare const EXPIRY_MARGIN_MS = 10000;
/**
 * A token getter for long jobs, and for `@coze/api`'s `token` option, that refreshes ahead of expiry as Azure
 * Identity's token cycler does: the first call mints; inside the refresh window every caller gets the cached token at
 * once while one refresh runs in the background; a refresh that fails is logged and tried again on a later call
 * (at most every 5 s). Only a caller whose token has expired waits for a mint, and gets its error.
 */
export declare function cozeTokenSource(options: CozeTokenSourceOptions, now?: () => number): () => Promise<string>;
/** When and how a token source renews: the options it was made with, its clock, and where a failed refresh goes. */
export interface Renewal {
    refreshSeconds: number;
    now: () => number;
    log?: ((message: string) => void) | undefined;
}
/** The source's cache and renewal around `mint`, which must leave the process free to end. */
export declare function renewingSource(mint: () => Promise<MintedToken>, renewal: Renewal): () => Promise<string>;
