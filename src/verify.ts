import type { MintConfig } from './config.js';
import { cozeErrorFrom } from './coze-response.js';
import type { MintDeps } from './mint.js';
import { retryPolicy } from './mint.js';
import { sendWithRetries } from './retry.js';

export interface Verification {
  logId?: string;
}

const HINTS: Record<string, string> = {
  '4100': 'Coze refused the new token itself: the app may have been disabled or its key revoked; mint again, and check the OAuth app in the Coze console',
  '4101': 'The token works, but the app lacks the permission this check needs: grant the OAuth app the user-profile permission in the Coze console, or turn verify off',
};

/** Proves a token works with a cheap authenticated call, GET /v1/users/me. */
export async function verifyToken(
  token: string,
  config: Pick<MintConfig, 'baseUrl' | 'timeoutMs' | 'retries'>,
  deps: Pick<MintDeps, 'send' | 'userAgent' | 'sleep' | 'random' | 'now' | 'log'>,
): Promise<Verification> {
  const url = `${config.baseUrl}/v1/users/me`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json', 'user-agent': deps.userAgent };
  const response = await sendWithRetries(() => deps.send({ method: 'GET', url, headers, timeoutMs: config.timeoutMs }), `Verification call to ${url}`, retryPolicy(config), deps);
  if (response.status >= 200 && response.status <= 299 && answeredOk(response.body)) {
    const logId = response.headers['x-tt-logid'];
    return logId ? { logId } : {};
  }
  throw cozeErrorFrom(response, { what: 'Coze refused the new token in the check call to /v1/users/me', baseUrl: config.baseUrl, hintsByCode: HINTS });
}

function answeredOk(body: string): boolean {
  try {
    return (JSON.parse(body) as { code?: unknown }).code === 0;
  } catch {
    return false;
  }
}
