// mintCozeToken: one token for any Node program, with the library's checks of its options and its errors.
import { setTimeout as sleep } from 'node:timers/promises';
import { type ClockSkew, clockSkewWarning } from '../core/clock.js';
import { readMintConfig } from '../core/config.js';
import type { MintedToken } from '../core/coze-response.js';
import { protectCredentials } from '../core/credentials.js';
import { checkExpectedUser, parseExpectedUserId } from '../core/expected-user.js';
import { createHttpClient } from '../core/http.js';
import { defaultDeps, mintToken } from '../core/mint.js';
import { ownEnvironment } from '../core/own.js';
import { deadlineFrom } from '../core/retry.js';
import { verifyToken } from '../core/verify.js';
import { createRedactor, publicText, type Redactor } from '../safe-text/redactor.js';
import { libraryError } from './errors.js';
import { MINT_OPTIONS, ownOptions, settingsText } from './options.js';

export interface MintCozeTokenOptions {
  /** The console's coze_oauth_config.json (its text, or the parsed object): the app id, fingerprint, key and site. */
  oauthConfig?: string | Record<string, unknown>;
  /** The OAuth app's id; required unless oauthConfig gives it. */
  appId?: string;
  /** The public key's fingerprint; required unless oauthConfig gives it. */
  publicKeyId?: string;
  /**
   * PEM, PKCS#8 or PKCS#1; pasting accidents (literal \n, CRLF, spaces) are forgiven. Required unless oauthConfig gives
   * it.
   */
  privateKey?: string;
  /** https://api.coze.cn (default) or https://api.coze.com */
  baseUrl?: string;
  audience?: string;
  durationSeconds?: number;
  sessionName?: string;
  scope?: Record<string, unknown>;
  /** Sent as the JWT's session_context, e.g. { connector_info: { connector_id: '2001' } } for a Web SDK token. */
  sessionContext?: Record<string, unknown>;
  /** A team or enterprise organisation id: uses /api/permission/oauth2/account/{id}/token. */
  accountId?: string;
  /** An enterprise id (volcano_…): uses /api/permission/oauth2/enterprise_id/{id}/token. Not with accountId. */
  enterpriseId?: string;
  /** With verify: throw InputError unless the token acts for this Coze user id. */
  expectedUserId?: string;
  /** Limit for one HTTP attempt (default 30). */
  timeoutSeconds?: number;
  /** Limit for the whole call, mint and verify, every attempt and wait (default 120). */
  deadlineSeconds?: number;
  retries?: number;
  /** Also prove the token works with GET /v1/users/me before returning it. */
  verify?: boolean;
  /**
   * Called with each retry notice and one line per HTTP attempt (status, Coze's code and log id, time); silent by
   * default.
   */
  log?: (message: string) => void;
}

/**
 * Mints a short-lived Coze access token from a JWT OAuth app, exactly as the action does.
 * Throws InputError (bad options), CozeError (Coze said no) or NetworkError (Coze not reached).
 */
export async function mintCozeToken(options: MintCozeTokenOptions): Promise<MintedToken> {
  // Awaited here, so that the caller's frame stays on the stack of an error (lib/errors.ts userStack).
  return await mintInTerms(options, true);
}

/** A mint that, unless it holds the process, ends with the program when nobody waits for it. */
export async function mintInTerms(options: MintCozeTokenOptions, holdsProcess: boolean): Promise<MintedToken> {
  const redactor = createRedactor();
  try {
    // Awaited, so that every error, a bad option's included, is rewritten after the caller's frames are async ones.
    return await mintAndVerify(options, redactor, holdsProcess);
  } catch (error) {
    throw libraryError(error, redactor);
  }
}

async function mintAndVerify(
  options: MintCozeTokenOptions,
  redactor: Redactor,
  holdsProcess: boolean,
): Promise<MintedToken> {
  const own = ownOptions(options, MINT_OPTIONS, 'mintCozeToken');
  protectCredentials(redactor, own);
  const config = readMintConfig(settingsText(own));
  const http = createHttpClient(ownEnvironment(), { holdsProcess });
  try {
    const { log } = own;
    const say = log && ((message: string) => log(publicText(redactor, 'library', message)));
    const expectedUserId = parseExpectedUserId(own.expectedUserId ?? '', own.verify === true);
    const deps = defaultDeps(
      {
        ...(say && { log: say, debug: say, onClockSkew: (skew: ClockSkew) => say(clockSkewWarning(skew)) }),
        onSecret: (secret) => redactor.add(secret),
        redact: (text) => redactor.redact(text),
        // A wait between attempts holds the process no more than the request does.
        ...(!holdsProcess && { sleep: (ms: number) => sleep(ms, undefined, { ref: false }) }),
      },
      http,
    );
    const deadline = deadlineFrom(config.deadlineMs, deps.now());
    const minted = await mintToken(config, deps, deadline);
    if (own.verify) checkExpectedUser(await verifyToken(minted.token, config, deps, deadline), expectedUserId);
    return minted;
  } finally {
    await http.close();
  }
}
