// cozeTokenSource: a token getter for long jobs that refreshes ahead of expiry and never holds a finished program.
import { MAX_DURATION_SECONDS } from '../core/config.js';
import type { MintedToken } from '../core/coze-response.js';
import { InputError } from '../core/errors.js';
import { libraryError } from './errors.js';
import { type MintCozeTokenOptions, mintInTerms } from './mint.js';
import { ownOptions, SOURCE_OPTIONS } from './options.js';

export interface CozeTokenSourceOptions extends Omit<MintCozeTokenOptions, 'verify' | 'expectedUserId'> {
  /** Mint anew this long before the token expires (default 60); never more than half of the token's lifetime. */
  refreshSeconds?: number;
}

/** After a failed refresh, while the cached token still works, the next refresh waits at least this long. */
export const REFRESH_RETRY_MS = 5000;
/** A token this close to its expiry is as good as expired: a request made with it might arrive too late. */
export const EXPIRY_MARGIN_MS = 10_000;
/** expiresIn is whole seconds, so the two clocks' ideas of the expiry differ by up to one even when they agree. */
const CLOCKS_AGREE_MS = 2000;

/**
 * A token getter for long jobs, and for `@coze/api`'s `token` option, that refreshes ahead of expiry as Azure
 * Identity's token cycler does: the first call mints; inside the refresh window every caller gets the cached token at
 * once while one refresh runs in the background; a refresh that fails is logged and tried again on a later call
 * (at most every 5 s). Only a caller whose token has expired waits for a mint, and gets its error.
 */
export function cozeTokenSource(options: CozeTokenSourceOptions, now: () => number = Date.now): () => Promise<string> {
  let own: Partial<CozeTokenSourceOptions>;
  try {
    own = ownOptions(options, SOURCE_OPTIONS, 'cozeTokenSource');
  } catch (error) {
    throw libraryError(error);
  }
  // Its own mints take the options but refreshSeconds, which is the source's alone.
  const { refreshSeconds: _, ...mintOptions } = own;
  const refreshSeconds = own.refreshSeconds ?? 60;
  if (!Number.isInteger(refreshSeconds) || refreshSeconds < 0 || refreshSeconds > MAX_DURATION_SECONDS) {
    throw libraryError(new InputError('refresh-seconds', `expected a whole number from 0 to ${MAX_DURATION_SECONDS}`));
  }
  // A token that lives no longer than the margin counts as expired when it arrives: every call would mint anew.
  // (Number(undefined) is NaN, which is no number of seconds, and never too few.)
  if (Number(own.durationSeconds) <= EXPIRY_MARGIN_MS / 1000) {
    throw libraryError(
      new InputError(
        'duration-seconds',
        `expected more than ${EXPIRY_MARGIN_MS / 1000} for a token source: a token in its last ` +
          `${EXPIRY_MARGIN_MS / 1000} s counts as expired`,
      ),
    );
  }
  return renewingSource(() => mintInTerms(mintOptions as MintCozeTokenOptions, false), {
    refreshSeconds,
    now,
    log: own.log,
  });
}

/** When and how a token source renews: the options it was made with, its clock, and where a failed refresh goes. */
export interface Renewal {
  refreshSeconds: number;
  now: () => number;
  log?: ((message: string) => void) | undefined;
}

/** The source's cache and renewal around `mint`, which must leave the process free to end. */
export function renewingSource(mint: () => Promise<MintedToken>, renewal: Renewal): () => Promise<string> {
  const { refreshSeconds, now, log } = renewal;
  let cached: { token: string; renewAtMs: number; usableUntilMs: number } | undefined;
  let minting: Promise<string> | undefined;
  let retryAtMs = 0;
  const mintOnce = (): Promise<string> => {
    // A caller that waits for a mint holds the process (waitFor) until it is over.
    minting ??= mint()
      .then(({ token, expiresAt, expiresIn }) => {
        // On this process's clock, which the source compares with. expiresAt is on Coze's; where the two disagree
        // (the mint healed a clock skew), the whole seconds left, counted from now, are what this clock can use.
        const byCoze = expiresAt.getTime();
        const byHere = now() + expiresIn * 1000;
        const expiresAtMs = Math.abs(byCoze - byHere) <= CLOCKS_AGREE_MS ? byCoze : byHere;
        const usableUntilMs = expiresAtMs - EXPIRY_MARGIN_MS;
        cached = {
          token,
          usableUntilMs,
          renewAtMs: Math.min(usableUntilMs, expiresAtMs - Math.min(refreshSeconds, expiresIn / 2) * 1000),
        };
        return token;
      })
      .finally(() => {
        minting = undefined;
      });
    return minting;
  };
  return async () => {
    const at = now();
    if (cached && at < cached.renewAtMs) return cached.token;
    if (cached && at < cached.usableUntilMs) {
      // Ahead of expiry: one refresh in the background; the caller keeps the token that still works.
      if (!minting && at >= retryAtMs) {
        mintOnce().catch((error: unknown) => {
          retryAtMs = now() + REFRESH_RETRY_MS;
          try {
            log?.(
              `Refreshing the Coze token failed; the current one still works, and a later call tries again: ` +
                `${(error as Error).message}`,
            );
          } catch {
            // Nobody could catch what the caller's log throws here: it loses a line, never the program.
          }
        });
      }
      return cached.token;
    }
    return waitFor(mintOnce());
  };
}

/** Keeps the process alive while a caller waits for the promise, and no longer. */
function waitFor<T>(promise: Promise<T>): Promise<T> {
  const hold = setInterval(() => {}, 60_000);
  return promise.finally(() => clearInterval(hold));
}
