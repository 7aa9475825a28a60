// Every way Coze, the network or a proxy can misbehave, through the built dist/index.js with debug logging on:
// the exit code, one clear ::error::, no output set, the time bounded by timeout-seconds and retries, and
// nothing secret anywhere in the log.
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKOFF } from '../src/retry.ts';
import { startCozeStandIn, type CozeStandIn, type Fault } from './support/coze-stand-in.ts';
import { makeRsaKeys } from './support/keys.ts';
import { leaksIn } from './support/leaks.ts';
import { commands, leakSurface, runAction } from './support/run-action.ts';

const keys = makeRsaKeys();
const appId = '1183520381944';
const kid = 'faults-kid';
const ECHOED_TOKEN = 'czs_thisTokenCameWithABadExpiry000000000';
let standIn: CozeStandIn;
let elsewhereHits = 0;
const elsewhere = createServer((_req, res) => (elsewhereHits++, res.end('{"access_token":"stolen"}')));

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await standIn.close();
  elsewhere.close();
});

const now = () => Math.floor(Date.now() / 1000);
const json = (status: number, body: unknown, headers?: Record<string, string>): Fault => ({ kind: 'status', status, body: JSON.stringify(body), ...(headers && { headers }) });
const html = (status: number): Fault => ({ kind: 'status', status, body: `<html><body><h1>${status}</h1></body></html>`, headers: { 'content-type': 'text/html' } });
const ok = (body: unknown): Fault => ({ kind: 'ok-body', body: typeof body === 'string' ? body : JSON.stringify(body) });

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
    faults: () => [json(status, { code: 5000, msg: 'internal error' }), json(status, { code: 5000, msg: 'internal error' })],
    inputs: { retries: '1' },
    error: new RegExp(`internal error \\(HTTP ${status}, code 5000, log id \\w+\\)\\. Coze had a server problem`),
  })),
  ...[500, 502, 503, 504].map((status) => ({
    name: `HTTP ${status} with an HTML body`,
    faults: () => [html(status)],
    inputs: { retries: '0' },
    error: new RegExp(`with an HTML page .*\\(HTTP ${status}, log id`),
  })),
  { name: 'connection reset before any answer', faults: () => [{ kind: 'reset' }, { kind: 'reset' }], inputs: { retries: '1' }, error: /: (connection reset|the connection closed before the answer was complete|the request failed.*) \(2 attempts\)/ },
  { name: 'connection reset in the middle of the body', faults: () => [{ kind: 'reset-mid-body' }], inputs: { retries: '0' }, error: /\(1 attempt\)\. Check the runner's network/ },
  { name: 'a server that never answers', faults: () => [{ kind: 'hang' }, { kind: 'hang' }], inputs: { retries: '1', 'timeout-seconds': '1' }, error: /no complete answer within timeout-seconds \(2 attempts\)/ },
  { name: 'a body that trickles in forever', faults: () => [{ kind: 'trickle', bytes: 1, everyMs: 50 }], inputs: { retries: '0', 'timeout-seconds': '1' }, error: /no complete answer within timeout-seconds \(1 attempt\)/ },
  { name: 'a body over 1 MiB', faults: () => [{ kind: 'huge' }], inputs: { retries: '2' }, error: /exceeds 1048576 bytes/, attempts: 1 },
  { name: 'a 200 that is not JSON', faults: () => [ok('OK')], error: /with a body that is not JSON/ },
  { name: 'a 200 without access_token', faults: () => [ok({ expires_in: now() + 900 })], error: /with no access_token/ },
  { name: 'a 200 with an empty access_token', faults: () => [ok({ access_token: '', expires_in: now() + 900 })], error: /with no access_token/ },
  { name: 'a 200 without expires_in', faults: () => [ok({ access_token: ECHOED_TOKEN })], error: /no numeric expires_in/ },
  { name: 'a 200 with expires_in in the past', faults: () => [ok({ access_token: ECHOED_TOKEN, expires_in: now() - 60 })], error: /already past/ },
  { name: 'a 200 with expires_in absurdly far', faults: () => [ok({ access_token: ECHOED_TOKEN, expires_in: 99_999_999_999 })], error: /more than a year ahead/ },
  {
    name: 'a 429 whose Retry-After (seconds) outlasts the retries',
    faults: () => [json(429, { code: 4013, msg: 'rate limited' }, { 'retry-after': '1' }), json(429, { code: 4013, msg: 'rate limited' }, { 'retry-after': '1' })],
    inputs: { retries: '1' },
    error: /rate limited \(HTTP 429, code 4013.*rate-limiting this app/,
  },
  {
    name: 'a 429 with Retry-After as an HTTP date',
    faults: () => [json(429, { code: 4013, msg: 'slow down' }, { 'retry-after': new Date(Date.now() + 1500).toUTCString() }), json(429, { code: 4013, msg: 'slow down' })],
    inputs: { retries: '1' },
    error: /slow down \(HTTP 429/,
  },
  {
    name: 'a redirect to another host',
    faults: () => [json(307, {}, { location: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/api/permission/oauth2/token` })],
    error: /HTTP 307.*redirected to 127\.0\.0\.1:\d+; redirects are not followed/,
  },
];

/** Upper bound for a run: every attempt may take timeout-seconds, every retry waits at most the backoff cap. */
function bound(inputs: Record<string, string>): number {
  const retries = Number(inputs.retries ?? 3);
  const timeout = Number(inputs['timeout-seconds'] ?? 30) * 1000;
  const waits = Array.from({ length: retries }, (_, n) => Math.min(BACKOFF.maxDelayMs, BACKOFF.baseDelayMs * 2 ** n));
  return (retries + 1) * timeout + waits.reduce((a, b) => a + b, 0) + 3000;
}

describe('faults, end to end with RUNNER_DEBUG=1', () => {
  for (const fault of cases) {
    it(fault.name, async () => {
      const before = standIn.requests.length;
      standIn.fail(...fault.faults());
      const inputs = { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': standIn.url, retries: '0', ...fault.inputs };
      const run = await runAction(inputs, { RUNNER_DEBUG: '1' });

      expect(run.code).toBe(1);
      const errors = commands(run.stdout, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(fault.error);
      expect(run.outputs).toEqual({});
      expect(run.env).toEqual({});
      expect(run.durationMs).toBeLessThan(bound(inputs));
      expect(standIn.requests.length - before).toBe(fault.attempts ?? Number(inputs.retries) + 1);

      expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn, extra: [ECHOED_TOKEN] })).toEqual([]);
    });
  }

  it('does not follow the redirect', () => {
    expect(elsewhereHits).toBe(0);
  });

  it('reports a refused connection after every retry, within the bound', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const inputs = { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': `http://127.0.0.1:${port}`, retries: '2' };
    const run = await runAction(inputs, { RUNNER_DEBUG: '1' });
    expect(run.code).toBe(1);
    expect(commands(run.stdout, 'error')).toEqual([expect.stringMatching(/: connection refused \(3 attempts\)\. Check the runner's network and proxy settings/)]);
    expect(run.durationMs).toBeLessThan(bound(inputs));
    expect(run.durationMs).toBeGreaterThan(1500 * 0.5);
  });
});

describe('hostile and mistaken input, end to end with RUNNER_DEBUG=1', () => {
  const pkcs8 = (key: { export: (o: { type: 'pkcs8'; format: 'pem' }) => string | Buffer }) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
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
      const run = await runAction({ 'app-id': appId, 'public-key-id': kid, 'private-key': key, 'base-url': standIn.url }, { RUNNER_DEBUG: '1' });
      expect(run.code).toBe(1);
      expect(commands(run.stdout, 'error')).toEqual([expect.stringMatching(new RegExp(`^Input 'private-key': .*${message.source}`))]);
      expect(run.outputs).toEqual({});
      expect(leaksIn(leakSurface(run), { pems: [key], standIn, extra: key.startsWith('-----') ? [] : [key.slice(0, 24)] })).toEqual([]);
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
      const run = await runAction({ 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': standIn.url, [input]: value }, { RUNNER_DEBUG: '1' });
      expect(run.code).toBe(1);
      expect(commands(run.stdout, 'error')).toEqual([expect.stringMatching(new RegExp(`^Input '${input}': .*${message.source}`))]);
      expect(run.outputs).toEqual({});
      expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn, extra: [value] })).toEqual([]);
    });
  }
});
