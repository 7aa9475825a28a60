import { setTimeout as sleep } from 'node:timers/promises';
import { type InputName, MAX_DURATION_SECONDS, MAX_SCOPE_DEPTH, readMintConfig } from '../core/config.js';
import type { MintedToken } from '../core/coze-response.js';
import { CozeError, InputError, inLibraryTerms, NetworkError } from '../core/errors.js';
import { createHttpClient } from '../core/http.js';
import { defaultDeps, mintToken } from '../core/mint.js';
import { checkOptionNames } from '../core/option-names.js';
import { deadlineFrom } from '../core/retry.js';
import { verifyToken } from '../core/verify.js';
import { createRedactor, publicText, type Redactor } from '../safe-text/redactor.js';

export { main as runCommandLine } from '../cli/process.js';
export type { MintedToken } from '../core/coze-response.js';
export { CozeError, InputError, NetworkError } from '../core/errors.js';

export interface MintCozeTokenOptions {
  appId: string;
  publicKeyId: string;
  /** PEM, PKCS#8 or PKCS#1; pasting accidents (literal \n, CRLF, spaces) are forgiven. */
  privateKey: string;
  /** https://api.coze.cn (default) or https://api.coze.com */
  baseUrl?: string;
  audience?: string;
  durationSeconds?: number;
  sessionName?: string;
  scope?: Record<string, unknown>;
  /** A team or enterprise organisation id: uses /api/permission/oauth2/account/{id}/token. */
  accountId?: string;
  /** An enterprise id (volcano_…): uses /api/permission/oauth2/enterprise_id/{id}/token. Not with accountId. */
  enterpriseId?: string;
  /** Limit for one HTTP attempt (default 30). */
  timeoutSeconds?: number;
  /** Limit for the whole call, mint and verify, every attempt and wait (default 120). */
  deadlineSeconds?: number;
  retries?: number;
  /** Also prove the token works with GET /v1/users/me before returning it. */
  verify?: boolean;
  /** Called with each retry notice and one line per HTTP attempt (status, Coze's code and log id, time); silent by default. */
  log?: (message: string) => void;
}

type OptionType = 'string' | 'number' | 'boolean' | 'object' | 'function';

// Every option and its type, checked against the interfaces at compile time: an unknown name is refused, not
// ignored, and so is a value of another type (plain JavaScript may pass durationSeconds: '600' or verify: 'yes').
const MINT_OPTIONS: Record<keyof MintCozeTokenOptions, OptionType> = {
  appId: 'string',
  publicKeyId: 'string',
  privateKey: 'string',
  baseUrl: 'string',
  audience: 'string',
  durationSeconds: 'number',
  sessionName: 'string',
  scope: 'object',
  accountId: 'string',
  enterpriseId: 'string',
  timeoutSeconds: 'number',
  deadlineSeconds: 'number',
  retries: 'number',
  verify: 'boolean',
  log: 'function',
};
const { verify: _, ...sourceOptions } = MINT_OPTIONS;
const SOURCE_OPTIONS: Record<keyof CozeTokenSourceOptions, OptionType> = { ...sourceOptions, refreshSeconds: 'number' };

const A_TYPE: Record<OptionType, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  function: 'a function',
};

/** An option's name as an InputError takes it: the setting's name (durationSeconds is duration-seconds). */
const settingOf = (option: string) => option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** Names and types, before any work: what was not given is left to the defaults and the required-option check. */
function checkOptions(options: unknown, types: Record<string, OptionType>, fn: string): void {
  checkOptionNames(options, Object.keys(types), fn);
  for (const [name, value] of Object.entries(options as Record<string, unknown>)) {
    const type = types[name] as OptionType;
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    if (value !== undefined && actual !== type) {
      throw new InputError(settingOf(name), `expected ${A_TYPE[type]}, not ${actual === 'array' || actual === 'object' ? `an ${actual}` : `a ${actual}`}`);
    }
  }
}

/** The scope object as JSON text, for the same checks as the action's input; a cycle or a stack-deep nest is refused. */
function scopeText(scope: Record<string, unknown> | undefined): string | undefined {
  try {
    return JSON.stringify(scope);
  } catch {
    throw new InputError('scope', `expected a JSON object nested at most ${MAX_SCOPE_DEPTH} levels deep, without cycles`);
  }
}

/**
 * Mints a short-lived Coze access token from a JWT OAuth app, exactly as the action does.
 * Throws InputError (bad options), CozeError (Coze said no) or NetworkError (Coze not reached).
 */
export async function mintCozeToken(options: MintCozeTokenOptions): Promise<MintedToken> {
  // Awaited here, so that the caller's frame stays on the stack of an error (errors.ts userStack).
  return await mintInTerms(options, true);
}

/** A mint that, unless it holds the process, ends with the program when nobody waits for it. */
async function mintInTerms(options: MintCozeTokenOptions, holdsProcess: boolean): Promise<MintedToken> {
  const redactor = createRedactor();
  try {
    return await mintAndVerify(options, redactor, holdsProcess);
  } catch (error) {
    throw inLibraryTerms(redactError(error, redactor));
  }
}

/** Whatever Coze echoed back of a secret this call held (the key, a JWT, the token) is cut out of the error. */
function redactError(error: unknown, redactor: Redactor): unknown {
  if (!(error instanceof Error)) return error;
  // Defined, not assigned: a DOMException's message is a getter, which an assignment would throw on.
  const redact = (text: string) => publicText(redactor, 'library', text);
  Object.defineProperty(error, 'message', { value: redact(error.message), writable: true, configurable: true });
  if (error instanceof NetworkError && error.hint !== undefined) Object.assign(error, { hint: redact(error.hint) });
  if (error instanceof CozeError) {
    for (const [name, value] of Object.entries(error.details)) if (typeof value === 'string') Object.assign(error.details, { [name]: redact(value) });
  }
  return error;
}

async function mintAndVerify(options: MintCozeTokenOptions, redactor: Redactor, holdsProcess: boolean): Promise<MintedToken> {
  checkOptions(options, MINT_OPTIONS, 'mintCozeToken');
  const values: Record<InputName, unknown> = {
    'app-id': options.appId,
    'public-key-id': options.publicKeyId,
    'private-key': options.privateKey,
    'base-url': options.baseUrl,
    audience: options.audience,
    'duration-seconds': options.durationSeconds,
    'session-name': options.sessionName,
    scope: scopeText(options.scope),
    'account-id': options.accountId,
    'enterprise-id': options.enterpriseId,
    'timeout-seconds': options.timeoutSeconds,
    'deadline-seconds': options.deadlineSeconds,
    retries: options.retries,
  };
  redactor.addPrivateKey(options.privateKey ?? '');
  redactor.addIdentifier('app-id', options.appId ?? '');
  redactor.addIdentifier('public-key-id', options.publicKeyId ?? '');
  const config = readMintConfig((name) => (values[name] === undefined ? '' : String(values[name])));
  const http = createHttpClient(process.env, { holdsProcess });
  try {
    const { log } = options;
    const say = log && ((message: string) => log(publicText(redactor, 'library', message)));
    const deps = defaultDeps(
      {
        ...(say && { log: say, debug: say }),
        onSecret: (secret) => redactor.add(secret),
        redact: (text) => redactor.redact(text),
        // A wait between attempts holds the process no more than the request does.
        ...(!holdsProcess && { sleep: (ms: number) => sleep(ms, undefined, { ref: false }) }),
      },
      http,
    );
    const deadline = deadlineFrom(config.deadlineMs, deps.now());
    const minted = await mintToken(config, deps, deadline);
    if (options.verify) await verifyToken(minted.token, config, deps, deadline);
    return minted;
  } finally {
    await http.close();
  }
}

export interface CozeTokenSourceOptions extends Omit<MintCozeTokenOptions, 'verify'> {
  /** Mint anew this long before the token expires (default 60); never more than half of the token's lifetime. */
  refreshSeconds?: number;
}

/** After a failed refresh, while the cached token still works, the next refresh waits at least this long. */
export const REFRESH_RETRY_MS = 5000;
/** A token this close to its expiry is as good as expired: a request made with it might arrive too late. */
export const EXPIRY_MARGIN_MS = 10_000;

/**
 * A token getter for long jobs, and for `@coze/api`'s `token` option, that refreshes ahead of expiry as Azure
 * Identity's token cycler does: the first call mints; inside the refresh window every caller gets the cached token at
 * once while one refresh runs in the background; a refresh that fails is logged and tried again on a later call
 * (at most every 5 s). Only a caller whose token has expired waits for a mint, and gets its error.
 */
export function cozeTokenSource(options: CozeTokenSourceOptions, now: () => number = Date.now): () => Promise<string> {
  try {
    checkOptions(options, SOURCE_OPTIONS, 'cozeTokenSource');
  } catch (error) {
    throw inLibraryTerms(error);
  }
  // Its own mints take the options but refreshSeconds, which is the source's alone.
  const { refreshSeconds: _, ...mintOptions } = options;
  const refreshSeconds = options.refreshSeconds ?? 60;
  if (!Number.isInteger(refreshSeconds) || refreshSeconds < 0 || refreshSeconds > MAX_DURATION_SECONDS) {
    throw inLibraryTerms(new InputError('refresh-seconds', `expected a whole number from 0 to ${MAX_DURATION_SECONDS}`));
  }
  // A token that lives no longer than the margin counts as expired when it arrives: every call would mint anew.
  if (options.durationSeconds !== undefined && options.durationSeconds <= EXPIRY_MARGIN_MS / 1000) {
    throw inLibraryTerms(
      new InputError(
        'duration-seconds',
        `expected more than ${EXPIRY_MARGIN_MS / 1000} for a token source: a token in its last ${EXPIRY_MARGIN_MS / 1000} s counts as expired`,
      ),
    );
  }
  let cached: { token: string; renewAtMs: number; usableUntilMs: number } | undefined;
  let minting: Promise<string> | undefined;
  let retryAtMs = 0;
  const mint = (): Promise<string> => {
    // Every mint leaves the process free to end; a caller that waits for one holds it (waitFor) until it is over.
    minting ??= mintInTerms(mintOptions, false)
      .then(({ token, expiresAt, expiresIn }) => {
        const expiresAtMs = expiresAt.getTime();
        const usableUntilMs = expiresAtMs - EXPIRY_MARGIN_MS;
        cached = { token, usableUntilMs, renewAtMs: Math.min(usableUntilMs, expiresAtMs - Math.min(refreshSeconds, expiresIn / 2) * 1000) };
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
        mint().catch((error: unknown) => {
          retryAtMs = now() + REFRESH_RETRY_MS;
          try {
            options.log?.(`Refreshing the Coze token failed; the current one still works, and a later call tries again: ${(error as Error).message}`);
          } catch {
            // Nobody could catch what the caller's log throws here: it loses a line, never the program.
          }
        });
      }
      return cached.token;
    }
    return waitFor(mint());
  };
}

/** Keeps the process alive while a caller waits for the promise, and no longer. */
function waitFor<T>(promise: Promise<T>): Promise<T> {
  const hold = setInterval(() => {}, 60_000);
  return promise.finally(() => clearInterval(hold));
}
