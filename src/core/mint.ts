// The mint: a fresh JWT signed for every attempt and traded at Coze's token endpoint, within one deadline.
import { setTimeout as sleep } from 'node:timers/promises';
import { type ClockSkew, skewClock } from './clock.js';
import type { MintConfig } from './config.js';
import { type MintedToken, parseTokenResponse } from './coze-response.js';
import { createHttpClient, type HttpClient, type HttpResponse, type SendRequest } from './http.js';
import { newJwtId } from './jti.js';
import { type NewJwtId, signJwt } from './jwt.js';
import { ownRecord } from './own.js';
import { type Deadline, deadlineFrom, type RetryDeps, retryPolicy, sendWithRetries } from './retry.js';
import { USER_AGENT } from './version.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface MintDeps extends RetryDeps {
  send: SendRequest;
  newJwtId: NewJwtId;
  /**
   * Sees every JWT before it is sent, and the token before it is returned, so each surface can mask and redact them
   * first.
   */
  onSecret: (secret: string) => void;
  userAgent: string;
  /** Told when an answer's Date header first shows the runner's clock off Coze's by more than 30 s. */
  onClockSkew?: (skew: ClockSkew) => void;
}

/** The real dependencies; the caller that passes `http` closes it when the run is over. */
export function defaultDeps(overrides: Partial<MintDeps> = {}, http: HttpClient = createHttpClient()): MintDeps {
  return ownRecord({
    send: http.send,
    newJwtId,
    onSecret: () => {},
    userAgent: USER_AGENT,
    sleep: (ms) => sleep(ms),
    random: Math.random,
    now: Date.now,
    log: () => {},
    ...overrides,
  });
}

export function tokenUrl(config: Pick<MintConfig, 'baseUrl' | 'accountId' | 'enterpriseId'>): string {
  const scoped =
    config.accountId !== undefined
      ? `/account/${encodeURIComponent(config.accountId)}`
      : config.enterpriseId !== undefined
        ? `/enterprise_id/${encodeURIComponent(config.enterpriseId)}`
        : '';
  return `${config.baseUrl}/api/permission/oauth2${scoped}/token`;
}

/** Signs a fresh JWT for every attempt and trades it for an access token, all before the deadline. */
export async function mintToken(
  config: MintConfig,
  deps: MintDeps,
  deadline: Deadline = deadlineFrom(config.deadlineMs, deps.now()),
): Promise<MintedToken> {
  const url = tokenUrl(config);
  const body = JSON.stringify({
    grant_type: JWT_BEARER_GRANT,
    duration_seconds: config.durationSeconds,
    ...(config.scope && { scope: config.scope }),
  });
  const clock = skewClock(deps);
  const attempt = async (timeoutMs: number): Promise<HttpResponse> => {
    const jwt = await signJwt(config.privateKey, config, clock.jwtTime(), deps.newJwtId);
    deps.onSecret(jwt);
    const headers = {
      authorization: `Bearer ${jwt}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': deps.userAgent,
    };
    return clock.observe(await deps.send({ method: 'POST', url, headers, body, timeoutMs }));
  };
  const what = `Token request to ${url}`;
  const call = { method: 'POST', url };
  let answer = await sendWithRetries(attempt, what, retryPolicy(config), deps, deadline, call);
  // A runner's clock off Coze's: one more attempt, signed in Coze's time (clock.ts).
  if (clock.healable(answer, deadline))
    answer = await sendWithRetries(attempt, what, { ...retryPolicy(config), retries: 0 }, deps, deadline, call);
  let minted: MintedToken;
  try {
    minted = parseTokenResponse(answer, clock.now(), config);
  } catch (error) {
    throw clock.explain(error, answer);
  }
  deps.onSecret(minted.token);
  return minted;
}
