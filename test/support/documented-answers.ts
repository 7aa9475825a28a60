import { expect, it } from 'vitest';
import type { CozeStandIn, Fault } from './coze-stand-in.ts';
import { makeRsaKeys } from './keys.ts';

export const tokenError = (status: number, error_code: string, error_message?: string): Fault => ({
  kind: 'status',
  status,
  body: JSON.stringify({ error: error_code, error_code, ...(error_message && { error_message }) }),
});
export const apiError = (status: number, code: number, msg: string): Fault => ({
  kind: 'status',
  status,
  body: JSON.stringify({ code, msg }),
});

export interface DocumentedAnswer {
  name: string;
  /** Queued once, or once for every attempt when it is transient. */
  fault?: Fault;
  inputs?: Record<string, string>;
  before?: (standIn: CozeStandIn) => void;
  error: RegExp;
  hint: RegExp;
  /** Retried until retries run out (else Coze sees one request). */
  transient: boolean;
}

/** Every documented answer, and the ones users meet, with what the action must say about each. */
export const DOCUMENTED_ANSWERS: DocumentedAnswer[] = [
  {
    name: 'an unknown key id, in Coze’s own words: the site first, then the fingerprint',
    inputs: { 'public-key-id': 'fingerprint-of-a-deleted-key' },
    error:
      /^Coze refused the token request: invalid jwt: kid not been registred \(HTTP 401, code invalid_client, log id \w+\)/,
    hint: /does not know this app's key on 127\.0\.0\.1\. Check that base-url is the Coze API of the app's site, https:\/\/api\.coze\.cn or https:\/\/api\.coze\.com\. If the site is right.*public-key-id/,
    transient: false,
  },
  {
    name: '"verify jwt empty error"',
    fault: tokenError(401, 'invalid_client', 'verify jwt empty error'),
    error: /verify jwt empty error/,
    hint: /Check that base-url is the Coze API/,
    transient: false,
  },
  {
    name: 'a key of another app (signature refused)',
    inputs: { 'private-key': makeRsaKeys().pkcs8 },
    error: /^Coze refused the token request: JWT rejected/,
    hint: /did not accept the app's credentials: check that app-id, public-key-id and private-key belong to one OAuth app/,
    transient: false,
  },
  {
    name: 'access_deny: the app is deactivated',
    before: (standIn) => standIn.deactivate(),
    error: /app: \[(app-id|--app-id|appId)\] is currently deactivated by the owner \(HTTP 403, code access_deny/,
    hint: /re-enable it in the Coze console/,
    transient: false,
  },
  {
    name: 'a channel app without a publish channel',
    fault: tokenError(400, 'invalid_request', 'connector app should bind connector id'),
    error: /connector app should bind connector id/,
    hint: /publish channels → enterprise custom channel management/,
    transient: false,
  },
  {
    name: 'invalid_request',
    fault: tokenError(400, 'invalid_request', 'invalid request: scope'),
    error: /invalid request: scope \(HTTP 400, code invalid_request/,
    hint: /duration-seconds .* scope/,
    transient: false,
  },
  {
    name: 'unsupported_grant_type',
    fault: tokenError(400, 'unsupported_grant_type'),
    error: /: unsupported_grant_type, without a message \(HTTP 400/,
    hint: /JWT bearer grant/,
    transient: false,
  },
  {
    name: 'invalid_client without a message',
    fault: tokenError(401, 'invalid_client'),
    error: /: invalid_client, without a message \(HTTP 401, code invalid_client/,
    hint: /credentials/,
    transient: false,
  },
  {
    name: 'internal_error on HTTP 200 is retried, then reported',
    fault: tokenError(200, 'internal_error', 'Service internal error.'),
    error: /Service internal error\. \(HTTP 200, code internal_error/,
    hint: /internal error and retries did not help/,
    transient: true,
  },
  {
    name: 'internal_error on HTTP 400 is retried',
    fault: tokenError(400, 'internal_error', 'Service internal error.'),
    error: /HTTP 400, code internal_error/,
    hint: /retries did not help/,
    transient: true,
  },
  {
    name: '4009 (system cap) is retried',
    fault: apiError(400, 4009, 'system busy'),
    error: /system busy \(HTTP 400, code 4009/,
    hint: /system request cap/,
    transient: true,
  },
  {
    name: '4102 (risk control) is retried',
    fault: apiError(200, 4102, 'blocked'),
    error: /blocked \(HTTP 200, code 4102/,
    hint: /risk control/,
    transient: true,
  },
  {
    name: '4013 is a model error, not a rate limit, and not retried',
    fault: apiError(400, 4013, 'model error'),
    error: /code 4013/,
    hint: /model service failed \(4013 is a model error, not a rate limit\)/,
    transient: false,
  },
  {
    name: '4020 (requests per minute)',
    fault: apiError(400, 4020, 'rpm exceeded'),
    error: /code 4020/,
    hint: /requests per minute/,
    transient: false,
  },
  {
    name: '4008 (daily limit)',
    fault: apiError(400, 4008, 'quota'),
    error: /code 4008/,
    hint: /daily limit/,
    transient: false,
  },
  {
    name: '4000 (bad parameters)',
    fault: apiError(400, 4000, 'bad param'),
    error: /code 4000/,
    hint: /parameters/,
    transient: false,
  },
  {
    name: '4100',
    fault: apiError(401, 4100, 'token invalid'),
    error: /code 4100/,
    hint: /works only on the site that minted it/,
    transient: false,
  },
  {
    name: '4101',
    fault: apiError(403, 4101, 'no permission'),
    error: /code 4101/,
    hint: /grant it to the OAuth app .* then authorise the app again/,
    transient: false,
  },
  {
    name: '4200 / not found',
    fault: apiError(404, 4200, 'not found'),
    error: /code 4200/,
    hint: /check base-url, and account-id or enterprise-id/,
    transient: false,
  },
  {
    name: 'a 2xx with error_code is a refusal, not a missing token',
    fault: tokenError(200, 'invalid_client', 'app not found'),
    error: /^Coze refused the token request: app not found \(HTTP 200, code invalid_client/,
    hint: /credentials/,
    transient: false,
  },
  {
    name: 'a 2xx with a non-zero code is a refusal',
    fault: apiError(200, 4000, 'bad param'),
    error: /^Coze refused the token request: bad param \(HTTP 200, code 4000/,
    hint: /parameters/,
    transient: false,
  },
  {
    name: 'HTTP 429 is retried, then reported as rate limiting',
    fault: apiError(429, 4020, 'slow down'),
    error: /HTTP 429, code 4020/,
    hint: /requests per minute/,
    transient: true,
  },
  {
    name: 'HTTP 5xx is retried, then reported',
    fault: apiError(503, 5000, 'internal error'),
    error: /internal error \(HTTP 503, code 5000/,
    hint: /server problem/,
    transient: true,
  },
  {
    name: 'HTTP 407 from a proxy in the way is not retried',
    fault: { kind: 'status', status: 407, body: '' },
    error: /with an empty body \(HTTP 407/,
    hint: /HTTPS_PROXY=http:\/\/user:pass@host:port/,
    transient: false,
  },
  {
    name: 'a JWT-time complaint',
    fault: tokenError(401, 'invalid_client', 'jwt exp is invalid'),
    error: /jwt exp is invalid/,
    hint: /runner's clock/,
    transient: false,
  },
];

/**
 * One test per documented answer, with `retries: 1`: the stand-in set to give it, `check` run on the surface under
 * test, and the requests Coze saw counted (two for a transient answer, else one).
 */
export function eachDocumentedAnswer(standIn: CozeStandIn, check: (answer: DocumentedAnswer) => Promise<void>): void {
  for (const answer of DOCUMENTED_ANSWERS) {
    it(answer.name, async () => {
      answer.before?.(standIn);
      const attempts = answer.transient ? 2 : 1;
      if (answer.fault) standIn.fail(...Array.from({ length: attempts }, () => answer.fault as Fault));
      const before = standIn.requests.length;
      try {
        await check(answer);
        expect(standIn.requests.length - before).toBe(attempts);
      } finally {
        standIn.deactivate(false);
      }
    });
  }
}
