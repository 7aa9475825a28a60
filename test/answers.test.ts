// Every answer PROTOCOL.md documents (and the ones users meet), read right: Coze's words, code and log id, a
// hint naming what to fix, retried only when trying again can help, and no output set. In-process through run().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_ANSWERS, knownAnswer, readAnswer } from '../src/answers.ts';
import { act, expectFailure } from './support/act.ts';
import { startCozeStandIn, type CozeStandIn, type Fault } from './support/coze-stand-in.ts';
import { makeRsaKeys } from './support/keys.ts';
import { ROOT } from './support/paths.ts';

const keys = makeRsaKeys();
const appId = '7300000000001';
const kid = 'answers-kid';
let standIn: CozeStandIn;

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
});
afterAll(() => standIn.close());

const inputs = (extra: Record<string, string> = {}) => ({ 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': standIn.url, retries: '2', ...extra });
const tokenError = (status: number, error_code: string, error_message?: string): Fault => ({
  kind: 'status',
  status,
  body: JSON.stringify({ error: error_code, error_code, ...(error_message && { error_message }) }),
});
const apiError = (status: number, code: number, msg: string): Fault => ({ kind: 'status', status, body: JSON.stringify({ code, msg }) });
const times = (fault: Fault, n: number) => Array.from({ length: n }, () => fault);

interface Case {
  name: string;
  faults?: Fault[];
  inputs?: Record<string, string>;
  before?: () => void;
  error: RegExp;
  hint: RegExp;
  /** Requests Coze sees: 1 for an answer that is final, retries + 1 (3) for a transient one. */
  attempts: number;
}

const cases: Case[] = [
  {
    name: 'an unknown key id, in Coze’s own words: the site first, then the fingerprint',
    inputs: { 'public-key-id': 'fingerprint-of-a-deleted-key' },
    error: /^Coze refused the token request: invalid jwt: kid not been registred \(HTTP 401, code invalid_client, log id \w+\)/,
    hint: /does not know this app's key on 127\.0\.0\.1\. Usually the app was created on the other site.*base-url: https:\/\/api\.coze\.com.*public-key-id/,
    attempts: 1,
  },
  { name: '"verify jwt empty error"', faults: [tokenError(401, 'invalid_client', 'verify jwt empty error')], error: /verify jwt empty error/, hint: /other site/, attempts: 1 },
  {
    name: 'a key of another app (signature refused)',
    inputs: { 'private-key': makeRsaKeys().pkcs8 },
    error: /^Coze refused the token request: JWT rejected/,
    hint: /did not accept the app's credentials: check that app-id, public-key-id and private-key belong to one OAuth app/,
    attempts: 1,
  },
  { name: 'access_deny: the app is deactivated', before: () => standIn.deactivate(), error: /app: ci-app is currently deactivated by the owner \(HTTP 403, code access_deny/, hint: /re-enable it in the Coze console/, attempts: 1 },
  { name: 'a channel app without a publish channel', faults: [tokenError(400, 'invalid_request', 'connector app should bind connector id')], error: /connector app should bind connector id/, hint: /publish channels → enterprise custom channel management/, attempts: 1 },
  { name: 'invalid_request', faults: [tokenError(400, 'invalid_request', 'invalid request: scope')], error: /invalid request: scope \(HTTP 400, code invalid_request/, hint: /duration-seconds .* scope/, attempts: 1 },
  { name: 'unsupported_grant_type', faults: [tokenError(400, 'unsupported_grant_type')], error: /: unsupported_grant_type, without a message \(HTTP 400/, hint: /JWT bearer grant/, attempts: 1 },
  { name: 'invalid_client without a message', faults: [tokenError(401, 'invalid_client')], error: /: invalid_client, without a message \(HTTP 401, code invalid_client/, hint: /credentials/, attempts: 1 },
  { name: 'internal_error on HTTP 200 is retried, then reported', faults: times(tokenError(200, 'internal_error', 'Service internal error.'), 3), error: /Service internal error\. \(HTTP 200, code internal_error/, hint: /internal error and retries did not help/, attempts: 3 },
  { name: 'internal_error on HTTP 400 is retried', faults: times(tokenError(400, 'internal_error', 'Service internal error.'), 3), error: /HTTP 400, code internal_error/, hint: /retries did not help/, attempts: 3 },
  { name: '4009 (system cap) is retried', faults: times(apiError(400, 4009, 'system busy'), 3), error: /system busy \(HTTP 400, code 4009/, hint: /system request cap/, attempts: 3 },
  { name: '4102 (risk control) is retried', faults: times(apiError(200, 4102, 'blocked'), 3), error: /blocked \(HTTP 200, code 4102/, hint: /risk control/, attempts: 3 },
  { name: '4013 is a model error, not a rate limit, and not retried', faults: [apiError(400, 4013, 'model error')], error: /code 4013/, hint: /model service failed \(4013 is a model error, not a rate limit\)/, attempts: 1 },
  { name: '4020 (requests per minute)', faults: [apiError(400, 4020, 'rpm exceeded')], error: /code 4020/, hint: /requests per minute/, attempts: 1 },
  { name: '4008 (daily limit)', faults: [apiError(400, 4008, 'quota')], error: /code 4008/, hint: /daily limit/, attempts: 1 },
  { name: '4000 (bad parameters)', faults: [apiError(400, 4000, 'bad param')], error: /code 4000/, hint: /parameters/, attempts: 1 },
  { name: '4100', faults: [apiError(401, 4100, 'token invalid')], error: /code 4100/, hint: /works only on the site that minted it/, attempts: 1 },
  { name: '4101', faults: [apiError(403, 4101, 'no permission')], error: /code 4101/, hint: /grant it to the OAuth app .* then authorise the app again/, attempts: 1 },
  { name: '4200 / not found', faults: [apiError(404, 4200, 'not found')], error: /code 4200/, hint: /check base-url, and account-id or enterprise-id/, attempts: 1 },
  { name: 'a 2xx with error_code is a refusal, not a missing token', faults: [tokenError(200, 'invalid_client', 'app not found')], error: /^Coze refused the token request: app not found \(HTTP 200, code invalid_client/, hint: /credentials/, attempts: 1 },
  { name: 'a 2xx with a non-zero code is a refusal', faults: [apiError(200, 4000, 'bad param')], error: /^Coze refused the token request: bad param \(HTTP 200, code 4000/, hint: /parameters/, attempts: 1 },
  { name: 'HTTP 429 is retried, then reported as rate limiting', faults: times(apiError(429, 4020, 'slow down'), 3), error: /HTTP 429, code 4020/, hint: /requests per minute/, attempts: 3 },
  { name: 'HTTP 5xx is retried, then reported', faults: times(apiError(503, 5000, 'internal error'), 3), error: /internal error \(HTTP 503, code 5000/, hint: /server problem/, attempts: 3 },
  { name: 'HTTP 407 from a proxy in the way is not retried', faults: [{ kind: 'status', status: 407, body: '' }], error: /with an empty body \(HTTP 407/, hint: /HTTPS_PROXY=http:\/\/user:pass@host:port/, attempts: 1 },
  { name: 'a JWT-time complaint', faults: [tokenError(401, 'invalid_client', 'jwt exp is invalid')], error: /jwt exp is invalid/, hint: /runner's clock/, attempts: 1 },
];

describe("Coze's documented answers, through the action", () => {
  for (const answer of cases) {
    it(answer.name, async () => {
      answer.before?.();
      if (answer.faults) standIn.fail(...answer.faults);
      try {
        const result = await act(standIn, inputs(answer.inputs), answer.inputs?.['private-key'] ? { pems: [answer.inputs['private-key']] } : {});
        const failure = expectFailure(result, answer.error);
        expect(failure).toMatch(answer.hint);
        expect(result.sent).toHaveLength(answer.attempts);
        expect(result.summaryTable()['What to do']).toMatch(answer.hint);
        expect(result.summaryTable()['Log id (x-tt-logid)']).toMatch(/STANDIN$/);
      } finally {
        standIn.deactivate(false);
      }
    });
  }

  it('cuts czs_, pat_ and sat_ tokens and JWTs out of what Coze echoes', async () => {
    const echoed = ['czs_echoedAccessToken123', 'pat_personalAccessToken456', 'sat_serviceAccessToken789', 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJl'];
    standIn.fail(tokenError(401, 'invalid_client', `refused ${echoed.join(' and ')}`));
    const result = await act(standIn, inputs(), { extra: echoed });
    expectFailure(result, /refused \[redacted\] and \[redacted\] and \[redacted\] and \[redacted\]/);
  });
});

describe('the table of known answers', () => {
  it('is what the README troubleshooting table lists, row for row', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Troubleshooting by Coze error'));
    const firstCells = [...section.matchAll(/^\| ([^|]+) \|/gm)].map((match) => (match[1] as string).trim());
    for (const known of KNOWN_ANSWERS) expect(firstCells, known.label).toContain(known.label);
  });

  it('marks exactly internal_error, 4009 and 4102 as transient beyond the HTTP status', () => {
    expect(KNOWN_ANSWERS.filter((known) => known.transient).map((known) => known.label)).toEqual(['`internal_error`', '4009', '4102']);
  });

  it('reads both answer shapes, and code 0 as no error', () => {
    const response = (status: number, body: unknown) => ({ status, headers: {}, body: JSON.stringify(body) });
    expect(readAnswer(response(200, { code: 0, msg: '', data: {} }))).toEqual({ status: 200, refused: false });
    expect(readAnswer(response(200, { code: 4101, msg: 'no' }))).toMatchObject({ refused: true, code: '4101', message: 'no' });
    expect(readAnswer(response(401, { error_code: 'invalid_client', error_message: 'x' }))).toMatchObject({ refused: true, code: 'invalid_client', message: 'x' });
    expect(knownAnswer({ status: 200 })).toBeUndefined();
  });
});
