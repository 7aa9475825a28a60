// Verify: the minted token proven with GET /v1/users/me, which also names the user it acts for.
import { setting } from '../safe-text/terms.js';
import type { MintConfig } from './config.js';
import { cozeErrorFrom } from './coze-response.js';
import type { MintDeps } from './mint.js';
import { type Deadline, deadlineFrom, retryPolicy, sendWithRetries } from './retry.js';

/** Who the token acts for, as /v1/users/me tells it. Not secret. */
export interface Verification {
  logId?: string;
  userId?: string;
  /** The user id exactly as Coze sent it, for expected-user-id only (userId is cleaned up to be written). */
  exactUserId?: string;
  userName?: string;
}

const HINTS: Record<string, string> = {
  '4100':
    'Coze refused the new token itself: the app may have been disabled or its key revoked; mint again, and check the ' +
    'OAuth app in the Coze console',
  '4101':
    `The token works, but the app lacks the permission this check needs: grant the OAuth app the user-profile ` +
    `permission in the Coze console and authorise it again, or do without the check (${setting('verify', 'false')})`,
};

/** Proves a token works with a cheap authenticated call, GET /v1/users/me. */
export async function verifyToken(
  token: string,
  config: Pick<MintConfig, 'baseUrl' | 'timeoutMs' | 'retries' | 'deadlineMs' | 'fromOAuthConfig'>,
  deps: Pick<MintDeps, 'send' | 'userAgent' | 'sleep' | 'random' | 'now' | 'log' | 'debug' | 'redact'>,
  deadline: Deadline = deadlineFrom(config.deadlineMs, deps.now()),
): Promise<Verification> {
  const url = `${config.baseUrl}/v1/users/me`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json', 'user-agent': deps.userAgent };
  const send = (timeoutMs: number) => deps.send({ method: 'GET', url, headers, timeoutMs });
  const answer = await sendWithRetries(send, `Verification call to ${url}`, retryPolicy(config), deps, deadline, {
    method: 'GET',
    url,
  });
  if (answer.refused || !answer.ok) {
    throw cozeErrorFrom(answer, {
      what: 'Coze refused the new token in the check call to /v1/users/me',
      baseUrl: config.baseUrl,
      hintsByCode: HINTS,
      fromOAuthConfig: config.fromOAuthConfig,
    });
  }
  const { logId, userId, userName, exactUserId } = answer;
  const exact = exactUserId === undefined ? {} : { exactUserId };
  return { ...(logId && { logId }), ...(userId && { userId }), ...(userName && { userName }), ...exact };
}
