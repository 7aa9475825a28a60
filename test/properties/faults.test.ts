// Every way Coze, the network or TLS can misbehave, in-process through run(core, deps): one clear failure, no
// output set, the attempts counted, the time bounded by timeout-seconds (waits are not slept here), and nothing
// secret in any recorded call.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, expectFailure } from '../support/act.ts';
import { type CozeStandIn, type Fault, startCozeStandIn } from '../support/coze-stand-in.ts';
import { makeRsaKeys } from '../support/keys.ts';
import { ROOT } from '../support/paths.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381944', 'faults-kid');
const ECHOED_TOKEN = 'czs_thisTokenCameWithABadExpiry000000000';
const OPAQUE = 'opaqueSecretLookingNothingLikeAToken';
let elsewhereHits = 0;
const elsewhere = createServer((_req, res) => (elsewhereHits++, res.end('{"access_token":"stolen"}')));

beforeAll(async () => {
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
});

const now = () => Math.floor(Date.now() / 1000);
const json = (status: number, body: unknown, headers?: Record<string, string>): Fault => ({
  kind: 'status',
  status,
  body: JSON.stringify(body),
  ...(headers && { headers }),
});
const html = (status: number): Fault => ({
  kind: 'status',
  status,
  body: `<html><body><h1>${status}</h1></body></html>`,
  headers: { 'content-type': 'text/html' },
});
const ok = (body: unknown): Fault => ({
  kind: 'ok-body',
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

interface Case {
  name: string;
  faults: () => Fault[];
  inputs?: Record<string, string>;
  error: RegExp;
  /** Requests Coze sees; retries + 1 unless the failure is final. */
  attempts?: number;
}

const cases: Case[] = [
  ...[500, 502, 503, 504].map((status) => ({
    name: `HTTP ${status} with a JSON body, on every attempt`,
    faults: () => [
      json(status, { code: 5000, msg: 'internal error' }),
      json(status, { code: 5000, msg: 'internal error' }),
    ],
    inputs: { retries: '1' },
    error: new RegExp(`internal error \\(HTTP ${status}, code 5000, log id \\w+\\)\\. Coze had a server problem`),
  })),
  ...[500, 502, 503, 504].map((status) => ({
    name: `HTTP ${status} with an HTML body`,
    faults: () => [html(status)],
    inputs: { retries: '0' },
    error: new RegExp(`with an HTML page .*\\(HTTP ${status}, log id`),
  })),
  {
    name: 'connection reset before any answer',
    faults: () => [{ kind: 'reset' }, { kind: 'reset' }],
    inputs: { retries: '1' },
    error:
      /: (connection reset|the connection closed before the answer was complete|the request failed.*) \(2 attempts\)/,
  },
  {
    name: 'connection reset in the middle of the body',
    faults: () => [{ kind: 'reset-mid-body' }],
    inputs: { retries: '0' },
    error: /\(1 attempt\)\. Check base-url, the network/,
  },
  {
    name: 'a server that never answers',
    faults: () => [{ kind: 'hang' }, { kind: 'hang' }],
    inputs: { retries: '1', 'timeout-seconds': '1' },
    error: /no complete answer within timeout-seconds \(2 attempts\)/,
  },
  {
    name: 'a form-encoded 200 (the body is never quoted)',
    faults: () => [
      {
        kind: 'ok-body',
        body: `access_token=${ECHOED_TOKEN}&opaque=${OPAQUE}`,
        contentType: 'application/x-www-form-urlencoded',
      },
    ],
    error:
      /^Coze answered the token request with a body that is not JSON \(application\/x-www-form-urlencoded\) \(HTTP 200/,
  },
  {
    name: 'a body that trickles in forever',
    faults: () => [{ kind: 'trickle', bytes: 1, everyMs: 50 }],
    inputs: { retries: '0', 'timeout-seconds': '1' },
    error: /no complete answer within timeout-seconds \(1 attempt\)/,
  },
  {
    name: 'a body over 1 MiB',
    faults: () => [{ kind: 'huge' }],
    inputs: { retries: '2' },
    error: /exceeds 1048576 bytes/,
    attempts: 1,
  },
  { name: 'a 200 that is not JSON', faults: () => [ok('OK')], error: /with a body that is not JSON/ },
  {
    name: 'a 200 without access_token',
    faults: () => [ok({ expires_in: now() + 900 })],
    error: /with no access_token/,
  },
  {
    name: 'a 200 with an empty access_token',
    faults: () => [ok({ access_token: '', expires_in: now() + 900 })],
    error: /with no access_token/,
  },
  {
    name: 'a 200 without expires_in',
    faults: () => [ok({ access_token: ECHOED_TOKEN })],
    error: /no numeric expires_in/,
  },
  {
    name: 'a 200 with expires_in in the past',
    faults: () => [ok({ access_token: ECHOED_TOKEN, expires_in: now() - 60 })],
    error: /already past/,
  },
  {
    name: 'a 200 with expires_in absurdly far',
    faults: () => [ok({ access_token: ECHOED_TOKEN, expires_in: 99_999_999_999 })],
    error: /more than a year ahead/,
  },
  {
    name: 'a 429 whose Retry-After (seconds) outlasts the retries',
    faults: () => [
      json(429, { code: 4020, msg: 'rate limited' }, { 'retry-after': '1' }),
      json(429, { code: 4020, msg: 'rate limited' }, { 'retry-after': '1' }),
    ],
    inputs: { retries: '1' },
    error: /rate limited \(HTTP 429, code 4020.*requests per minute/,
  },
  {
    name: 'a 429 with Retry-After as an HTTP date',
    faults: () => [
      json(429, { code: 4020, msg: 'slow down' }, { 'retry-after': new Date(Date.now() + 1500).toUTCString() }),
      json(429, { code: 4020, msg: 'slow down' }),
    ],
    inputs: { retries: '1' },
    error: /slow down \(HTTP 429/,
  },
  {
    name: 'a redirect to another host',
    faults: () => [
      json(
        307,
        {},
        { location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/api/permission/oauth2/token` },
      ),
    ],
    error: /HTTP 307.*redirected to `127\.0\.0\.1:\d+`; redirects are not followed/,
  },
];

/** Upper bound for a run: every attempt may take timeout-seconds; waits are recorded, not slept. */
function bound(inputs: Record<string, string>): number {
  return (Number(inputs.retries ?? 3) + 1) * Number(inputs['timeout-seconds'] ?? 30) * 1000 + 2000;
}

describe('faults', () => {
  for (const fault of cases) {
    it(fault.name, async () => {
      standIn.fail(...fault.faults());
      const inputs = {
        'app-id': appId,
        'public-key-id': kid,
        'private-key': keys.pkcs8,
        'base-url': standIn.url,
        retries: '0',
        ...fault.inputs,
      };
      const started = performance.now();
      const result = await act(standIn, inputs, { extra: [ECHOED_TOKEN, OPAQUE] });
      expectFailure(result, fault.error);
      expect(result.outputs()).toEqual({});
      expect(performance.now() - started).toBeLessThan(bound(inputs));
      expect(result.sent).toHaveLength(fault.attempts ?? Number(inputs.retries) + 1);
    });
  }

  it('does not follow the redirect', () => {
    expect(elsewhereHits).toBe(0);
  });

  it('reports a refused connection after every retry, having waited between them', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const inputs = {
      'app-id': appId,
      'public-key-id': kid,
      'private-key': keys.pkcs8,
      'base-url': `http://127.0.0.1:${port}`,
      retries: '2',
    };
    const result = await act(standIn, inputs);
    expectFailure(result, /: connection refused \(3 attempts\)\. Check base-url, the network and the proxy settings/);
    expect(result.named('sleep').map((call) => call.args[0])).toEqual([500, 1000]);
    expect(result.named('send')).toHaveLength(3);
  });
});

describe('TLS', () => {
  const tls = (name: string) => readFileSync(join(ROOT, 'test/fixtures/tls', name), 'utf8');
  let secure: CozeStandIn;
  beforeAll(async () => {
    secure = await startCozeStandIn({
      publicKey: keys.publicKey,
      appId,
      kid,
      tls: { key: tls('server-key.pem'), cert: tls('server-cert.pem') },
    });
  });
  afterAll(() => secure.close());

  it('fails once, in words, with the fix, when the certificate is not trusted (a corporate CA)', async () => {
    const result = await act(secure, {
      'app-id': appId,
      'public-key-id': kid,
      'private-key': keys.pkcs8,
      'base-url': secure.url,
      retries: '3',
    });
    const failure = expectFailure(
      result,
      /^Token request to https:\/\/127\.0\.0\.1:\d+\/api\/permission\/oauth2\/token: TLS certificate verification failed: the certificate was signed by an unknown authority \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\./,
    );
    expect(failure).toMatch(/NODE_EXTRA_CA_CERTS .* Never turn certificate verification off$/);
    expect(result.named('send')).toHaveLength(1);
    expect(result.named('sleep')).toEqual([]);
  });
});

describe('hostile and mistaken input', () => {
  const pkcs8 = (key: { export: (o: { type: 'pkcs8'; format: 'pem' }) => string | Buffer }) =>
    key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const encrypted = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  const keysTried: Array<[string, string, RegExp]> = [
    ['a public key', keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(), /this is a public key/],
    ['an encrypted key', encrypted, /encrypted with a passphrase/],
    ['an EC key', pkcs8(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey), /an EC key/],
    ['an Ed25519 key', pkcs8(generateKeyPairSync('ed25519').privateKey), /an Ed25519 key/],
    ['a 1024-bit RSA key', makeRsaKeys(1024).pkcs8, /1024 bits; at least 2048/],
    ['a truncated key', keys.pkcs8.slice(0, 1000), /truncated/],
    ['garbage', 'hunter2-but-longer-than-twenty-four-characters', /expected an RSA private key/],
  ];
  for (const [what, key, message] of keysTried) {
    it(`private-key: ${what}`, async () => {
      const result = await act(
        standIn,
        { 'app-id': appId, 'public-key-id': kid, 'private-key': key, 'base-url': standIn.url },
        { pems: [key], extra: key.startsWith('-----') ? [] : [key.slice(0, 24)] },
      );
      expectFailure(result, new RegExp(`^Input 'private-key': .*${message.source}`));
      expect(result.sent).toEqual([]);
    });
  }

  const inputsTried: Array<[string, string, RegExp]> = [
    ['duration-seconds', '0', /whole number from 1 to 86399/],
    ['duration-seconds', '1e3', /whole number from 1 to 86399/],
    ['retries', '-1', /whole number from 0 to 10/],
    ['scope', '{"account_permission": [', /not valid JSON/],
    ['base-url', 'https://admin:s3cr3t-passw0rd@api.coze.cn', /without credentials/],
    ['base-url', 'http://coze.internal.example', /plain http:\/\/ is allowed only for localhost/],
    ['account-id', '1; rm -rf /', /numeric id/],
    ['export-env', 'maybe', /expected true or false/],
  ];
  for (const [input, value, message] of inputsTried) {
    it(`${input}: ${JSON.stringify(value)}`, async () => {
      const result = await act(
        standIn,
        { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': standIn.url, [input]: value },
        { extra: [value] },
      );
      expectFailure(result, new RegExp(`^Input '${input}': .*${message.source}`));
    });
  }
});
