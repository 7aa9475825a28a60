// The built action, run the way a runner runs it: node dist/index.js with INPUT_* variables (action.yml
// defaults included), the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY files, stdout read as workflow commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCozeStandIn, type CozeStandIn } from './support/coze-stand-in.ts';
import { makeRsaKeys } from './support/keys.ts';
import { leaksIn } from './support/leaks.ts';
import { startProxy } from './support/proxy.ts';
import { commands, leakSurface, runAction, visibleLog, type ActionRun } from './support/run-action.ts';

const keys = makeRsaKeys();
const appId = '1183520381944';
const kid = 'e2e-public-key-fingerprint';
let standIn: CozeStandIn;

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
});
afterAll(() => standIn.close());

const inputs = (extra: Record<string, string> = {}) => ({ 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': standIn.url, ...extra });

/** No private key slice, JWT or token anywhere but the token output (and the mask commands the runner hides). */
function expectNoSecrets(run: ActionRun, pem = keys.pkcs8) {
  expect(leaksIn(leakSurface(run), { pems: [pem], standIn })).toEqual([]);
}

/** The failure is one ::error:: line, and no output is set. */
function expectOneError(run: ActionRun, pattern: RegExp) {
  expect(run.code).toBe(1);
  const errors = commands(run.stdout, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(run.outputs).not.toHaveProperty('token');
  expect(run.outputs).not.toHaveProperty('expires-at');
  return errors[0] as string;
}

describe('the action, end to end', () => {
  it('mints a token, masks it before anything else prints it, and sets the outputs', async () => {
    const before = standIn.requests.length;
    const run = await runAction(inputs({ 'session-name': 'ci-user', 'duration-seconds': '1800' }));
    expect(run.code).toBe(0);
    const token = run.outputs.token as string;
    expect(standIn.issued.has(token)).toBe(true);
    expect(Number(run.outputs['expires-in'])).toBeGreaterThan(1790);
    expect(Number(run.outputs['expires-in'])).toBeLessThanOrEqual(1800);
    expect(Date.parse(run.outputs['expires-at'] as string) - Date.now()).toBeGreaterThan(1780_000);
    expect(run.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(run.env).toEqual({});

    const lines = run.stdout.split('\n');
    const maskLine = lines.indexOf(`::add-mask::${token}`);
    expect(maskLine).toBeGreaterThanOrEqual(0);
    const firstOther = lines.findIndex((line, i) => i !== maskLine && line.includes(token));
    expect(firstOther === -1 || firstOther > maskLine).toBe(true);

    const [request] = standIn.requests.slice(before);
    expect(request?.claims).toMatchObject({ iss: appId, aud: '127.0.0.1', session_name: 'ci-user' });
    expect(JSON.parse(request?.body ?? '')).toEqual({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', duration_seconds: 1800 });
    expect(request?.headers['user-agent']).toMatch(/^coze-token-action\/\d+\.\d+\.\d+ node\/24\./);
    const jwt = request?.jwt as string;
    expect(commands(run.stdout, 'add-mask')).toContain(jwt);
    expect(lines.indexOf(`::add-mask::${jwt}`)).toBeLessThan(maskLine);
    expect(visibleLog(run)).toMatch(/Minted a Coze access token for app 1183520381944; it expires at .* \(in 29 min 5\d s\)\./);
    expectNoSecrets(run);
  });

  it('masks every line of the private key before anything else', async () => {
    const run = await runAction(inputs({ 'private-key': keys.pkcs1 }));
    expect(run.code).toBe(0);
    const masks = commands(run.stdout, 'add-mask');
    const bodyLines = keys.pkcs1.split('\n').filter((line) => line && !line.startsWith('-----'));
    for (const line of bodyLines) expect(masks).toContain(line);
    const firstNonMask = run.stdout.split('\n').findIndex((line) => !line.startsWith('::add-mask::'));
    expect(run.stdout.split('\n').slice(0, firstNonMask).length).toBeGreaterThanOrEqual(bodyLines.length);
  });

  it('reads a key pasted with literal \\n escapes and CRLF line ends', async () => {
    for (const pasted of [keys.pkcs8.trim().replace(/\n/g, '\\n'), keys.pkcs1.replace(/\n/g, '\r\n')]) {
      const run = await runAction(inputs({ 'private-key': pasted }));
      expect(run.code).toBe(0);
      expect(standIn.issued.has(run.outputs.token as string)).toBe(true);
    }
  });

  it('exports COZE_API_TOKEN and COZE_API_BASE with export-env', async () => {
    const run = await runAction(inputs({ 'export-env': 'true' }));
    expect(run.code).toBe(0);
    expect(run.env).toEqual({ COZE_API_TOKEN: run.outputs.token, COZE_API_BASE: standIn.url });
  });

  it('uses the account-scoped endpoint and passes the scope through', async () => {
    const before = standIn.requests.length;
    const scope = { account_permission: { permission_list: ['Connector.botChat'] } };
    const run = await runAction(inputs({ 'account-id': '7351', scope: JSON.stringify(scope) }));
    expect(run.code).toBe(0);
    const [request] = standIn.requests.slice(before);
    expect(request?.path).toBe('/api/permission/oauth2/account/7351/token');
    expect(JSON.parse(request?.body ?? '')).toMatchObject({ scope });
  });

  it('fails with one actionable error when Coze refuses the key id', async () => {
        const run = await runAction(inputs({ 'public-key-id': 'a-deleted-key' }));
    const error = expectOneError(run, /^Coze refused the token request: public key id \(kid\) not found for this app \(HTTP 401, code invalid_client, log id \d+STANDIN\)\. Check public-key-id/);
    expect(error).not.toContain('%0A');
    expect(run.summary).toContain('❌ failed');
    expectNoSecrets(run);
  });

  it('fails when the key is not the app key (a revoked or replaced key pair)', async () => {
    const other = makeRsaKeys();
        const run = await runAction(inputs({ 'private-key': other.pkcs8 }));
    expectOneError(run, /JWT rejected.*HTTP 401.*did not accept the app's credentials/);
    expectNoSecrets(run, other.pkcs8);
  });

  it('retries a 503 with a fresh JWT and succeeds', async () => {
    const before = standIn.requests.length;
    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}' });
    const run = await runAction(inputs({ retries: '1' }));
    expect(run.code).toBe(0);
    const attempts = standIn.requests.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.jwt).toBeDefined();
    expect(visibleLog(run)).toMatch(/HTTP 503; retrying in \d\.\d s \(retry 1 of 1\)/);
    expectNoSecrets(run);
  });

  it("waits out a 429's Retry-After", async () => {
    standIn.fail({ kind: 'status', status: 429, body: '{"code":4013,"msg":"rate limited"}', headers: { 'retry-after': '2' } });
    const run = await runAction(inputs({ retries: '1' }));
    expect(run.code).toBe(0);
    expect(visibleLog(run)).toMatch(/HTTP 429; retrying in 2\.0 s/);
  });

  it('never retries a 4xx', async () => {
    const before = standIn.requests.length;
    standIn.fail({ kind: 'status', status: 400, body: '{"error":"invalid_request","error_message":"bad scope"}' });
    const run = await runAction(inputs({ retries: '3' }));
    expectOneError(run, /bad scope \(HTTP 400/);
    expect(standIn.requests.length - before).toBe(1);
  });

  it('treats a 200 that is not a token as an error and sets no output', async () => {
    standIn.fail({ kind: 'ok-body', body: '<html>login</html>', contentType: 'text/html' });
    const run = await runAction(inputs());
    expectOneError(run, /Coze answered the token request with an HTML page/);
  });

  it('refuses bad input with one error naming the input, without a stack trace or the value', async () => {
    const run = await runAction(inputs({ 'duration-seconds': '12abc', 'private-key': keys.pkcs8 }));
    expectOneError(run, /^Input 'duration-seconds': expected a whole number from 1 to 86399$/);
    expect(run.stdout).not.toContain('12abc');
    expectNoSecrets(run);
    const missing = await runAction({ 'public-key-id': kid, 'private-key': keys.pkcs8 });
    expectOneError(missing, /^Input 'app-id': is required/);
  });

  it('refuses plain http:// to a host that is not loopback before sending anything', async () => {
    const run = await runAction(inputs({ 'base-url': 'http://api.coze.cn' }));
    expectOneError(run, /^Input 'base-url': .*plain http:\/\/ is allowed only for localhost/);
  });

  it('goes through HTTP_PROXY / HTTPS_PROXY, and around it for NO_PROXY', async () => {
    const proxy = await startProxy();
    try {
      for (const variable of ['HTTP_PROXY', 'http_proxy']) {
        const run = await runAction(inputs(), { [variable]: proxy.url });
        expect(run.code).toBe(0);
      }
      expect(proxy.hits).toHaveLength(2);
      expect(proxy.hits[0]).toContain(new URL(standIn.url).host);
      const bypass = await runAction(inputs(), { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
      expect(bypass.code).toBe(0);
      expect(proxy.hits).toHaveLength(2);
    } finally {
      await proxy.close();
    }
  });

  it('reports a proxy that refuses connections as a network error', async () => {
    const run = await runAction(inputs({ retries: '0' }), { HTTP_PROXY: 'http://127.0.0.1:9' });
    expectOneError(run, /^Token request to http:\/\/127\.0\.0\.1:\d+\/api\/permission\/oauth2\/token: .*\(1 attempt\)\. Check the runner's network and proxy settings/);
  });

  it('keeps debug logging free of secrets too (RUNNER_DEBUG=1)', async () => {
        const runs = [
      await runAction(inputs({ verify: 'true' }), { RUNNER_DEBUG: '1' }),
      await runAction(inputs({ 'public-key-id': 'nope' }), { RUNNER_DEBUG: '1' }),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 1]);
    for (const run of runs) expectNoSecrets(run);
  });
});
