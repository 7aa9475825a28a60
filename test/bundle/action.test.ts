// The built action, run the way a runner runs it: node dist/index.js with INPUT_* variables (action.yml
// defaults included), the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY files, stdout read as workflow
// commands. Only what the bundle can show: the runner's plumbing, process-wide settings (proxies, CA
// certificates), and what the bundle loads.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.ts';
import { leaksIn } from '../support/leaks.ts';
import { ROOT } from '../support/paths.ts';
import { startProxy } from '../support/proxy.ts';
import { type ActionRun, commands, leakSurface, runAction, visibleLog } from '../support/run-action.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381944', 'bundle-kid');
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
afterAll(async () => {
  await secure.close();
});

const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  ...extra,
});

function expectNoSecrets(run: ActionRun, extra: string[] = []) {
  expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn, extra })).toEqual([]);
  expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn: secure, extra })).toEqual([]);
}

/** The failure is one ::error:: line, exit code 1, and no output is set. */
function expectOneError(run: ActionRun, pattern: RegExp): string {
  expect(run.code).toBe(1);
  const errors = commands(run.stdout, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(run.outputs).not.toHaveProperty('token');
  return errors[0] as string;
}

describe('dist/index.js on a runner', () => {
  it('masks the key, each JWT and the token with ::add-mask:: before anything else prints them, and writes the file commands', async () => {
    const run = await runAction(inputs({ verify: 'true', 'export-env': 'true' }), { RUNNER_DEBUG: '1' });
    expect(run.code).toBe(0);
    const token = run.outputs.token as string;
    expect(standIn.issued.has(token)).toBe(true);
    expect(run.outputs).toMatchObject({ verified: 'true', 'user-id': '7400000000000000001', 'user-name': 'ci-bot' });
    expect(run.env).toEqual({ COZE_API_TOKEN: token, COZE_API_BASE: standIn.url });
    const lines = run.stdout.split('\n');
    const bodyLines = keys.pkcs8.split('\n').filter((line) => line && !line.startsWith('-----'));
    expect(lines.slice(0, bodyLines.length).every((line) => line.startsWith('::add-mask::'))).toBe(true);
    for (const line of bodyLines) expect(commands(run.stdout, 'add-mask')).toContain(line);
    const tokenMask = lines.indexOf(`::add-mask::${token}`);
    expect(tokenMask).toBeGreaterThan(0);
    expect(lines.findIndex((line, i) => i !== tokenMask && line.includes(token))).toBe(-1);
    const jwt = standIn.requests.findLast((r) => r.jwt)?.jwt as string;
    expect(lines.indexOf(`::add-mask::${jwt}`)).toBeGreaterThan(-1);
    expect(visibleLog(run)).toMatch(
      /Minted a Coze access token for app [0-9a-f]{8} on 127\.0\.0\.1:\d+; it expires at .* \(in 1[45] min( \d+ s)?\)\./,
    );
    expect(run.summary).toMatch(/<h3>Coze access token<\/h3>/);
    expect(run.summary).toContain('<tr><th>User</th><td>ci-bot (7400000000000000001)</td></tr>');
    expectNoSecrets(run);
  });

  it('fails with one ::error:: line, a summary, and nothing secret in the debug log', async () => {
    const run = await runAction(inputs({ 'public-key-id': 'a-deleted-key' }), { RUNNER_DEBUG: '1' });
    const error = expectOneError(
      run,
      /^Coze refused the token request: invalid jwt: kid not been registred \(HTTP 401, code invalid_client, log id \d+STANDIN\)\. Coze does not know this app's key/,
    );
    expect(error).not.toContain('%0A');
    expect(run.summary).toContain('❌ failed');
    expectNoSecrets(run);
  });

  it('mints from the console config file alone, masking its key and ids first, and leaves no line of it in the log', async () => {
    const oauthConfig = JSON.stringify(
      { client_type: 'jwt', client_id: appId, public_key_id: kid, private_key: keys.pkcs8, coze_api_base: standIn.url },
      null,
      2,
    );
    const run = await runAction(
      { 'oauth-config': oauthConfig, verify: 'true', 'expected-user-id': '7400000000000000001' },
      { RUNNER_DEBUG: '1' },
    );
    expect(run.code).toBe(0);
    expect(standIn.issued.has(run.outputs.token as string)).toBe(true);
    const masks = commands(run.stdout, 'add-mask');
    expect(masks).toEqual(expect.arrayContaining([appId, kid]));
    const lines = run.stdout.split('\n');
    const firstVisible = lines.findIndex((line) => line !== '' && !line.startsWith('::add-mask::'));
    for (const id of [appId, kid]) expect(lines.indexOf(`::add-mask::${id}`)).toBeLessThan(firstVisible);
    expectNoSecrets(run, [oauthConfig.slice(0, 60), kid]);
    expect(visibleLog(run)).not.toContain(appId);
  });

  it('refuses bad input with one error naming the input, without a stack trace or the value', async () => {
    const run = await runAction(inputs({ 'duration-seconds': '12abc' }), { RUNNER_DEBUG: '1' });
    expectOneError(run, /^Input 'duration-seconds': expected a whole number from 1 to 86399$/);
    expect(run.stdout).not.toContain('12abc');
    expectNoSecrets(run);
  });
});

describe('proxies and certificates (process-wide settings)', () => {
  it('reports a proxy that wants credentials (407 to CONNECT) once, without printing the proxy URL', async () => {
    const proxy = await startProxy({ refuseWith: 407 });
    const withCredentials = proxy.url.replace('http://', 'http://corp-user:proxy-passw0rd@');
    try {
      const run = await runAction(
        inputs({ 'base-url': secure.url.replace('127.0.0.1', 'api.coze.test'), retries: '3' }),
        {
          HTTPS_PROXY: withCredentials,
          NODE_EXTRA_CA_CERTS: join(ROOT, 'test/fixtures/tls/ca.pem'),
        },
      );
      expectOneError(
        run,
        /^Token request to https:\/\/api\.coze\.test:\d+\/api\/permission\/oauth2\/token: the proxy refused the connection to Coze \(HTTP 407\)\. .*HTTPS_PROXY=http:\/\/user:pass@host:port/,
      );
      expect(proxy.hits).toHaveLength(1);
      expect(run.log).not.toContain('proxy-passw0rd');
      expect(run.log).not.toContain('corp-user');
    } finally {
      await proxy.close();
    }
  });

  it('trusts a corporate CA given in NODE_EXTRA_CA_CERTS, and fails once, in words, without it', async () => {
    const trusted = await runAction(inputs({ 'base-url': secure.url }), {
      NODE_EXTRA_CA_CERTS: join(ROOT, 'test/fixtures/tls/ca.pem'),
    });
    expect(trusted.code).toBe(0);
    expect(secure.issued.has(trusted.outputs.token as string)).toBe(true);
    const before = secure.requests.length;
    const untrusted = await runAction(inputs({ 'base-url': secure.url }));
    expectOneError(
      untrusted,
      /TLS certificate verification failed: the certificate was signed by an unknown authority .*NODE_EXTRA_CA_CERTS/,
    );
    expect(secure.requests.length).toBe(before);
  });
});

describe('what dist/ holds', () => {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  const scripts = files(join(ROOT, 'dist')).filter(
    (file) => file.endsWith('.js') && !file.includes(`${join('dist', 'types')}`),
  );

  it('is at most 2.5 MiB in all, and every bundle in it is minified', () => {
    const total = files(join(ROOT, 'dist')).reduce((sum, file) => sum + statSync(file).size, 0);
    expect(total).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const file of scripts) {
      const text = readFileSync(file, 'utf8');
      // Minified code has a handful of very long lines; source has many short ones.
      expect(text.split('\n').length, file).toBeLessThanOrEqual(20);
      expect(text, file).not.toMatch(/^\s{2,}\S/m);
    }
  });

  it('keeps one copy of the library: the CLI is a small entry that loads dist/lib', () => {
    const cli = files(join(ROOT, 'dist/cli')).filter((file) => file.endsWith('.js'));
    expect(cli.map((file) => file.slice(join(ROOT, 'dist/cli').length + 1))).toEqual(['index.js']);
    expect(statSync(join(ROOT, 'dist/cli/index.js')).size).toBeLessThan(4096);
    expect(readFileSync(join(ROOT, 'dist/cli/index.js'), 'utf8')).toContain('"../lib/index.js"');
  });
});

describe('what the bundle loads', () => {
  it('keeps octokit out of dist/index.js, in a chunk loaded only for issue-on-failure', async () => {
    expect(readFileSync(join(ROOT, 'dist/index.js'), 'utf8')).not.toMatch(/octokit/i);
    const chunks = readdirSync(join(ROOT, 'dist')).filter((name) => /^\d+\.index\.js$/.test(name));
    expect(chunks.some((name) => /octokit/i.test(readFileSync(join(ROOT, 'dist', name), 'utf8')))).toBe(true);
    // A copy of dist/ without its chunks still mints: nothing loads them when issue-on-failure is off.
    const dir = mkdtempSync(join(tmpdir(), 'coze-dist-'));
    try {
      for (const name of ['index.js', 'package.json']) copyFileSync(join(ROOT, 'dist', name), join(dir, name));
      const run = await runAction(inputs({ verify: 'true' }), {}, join(dir, 'index.js'));
      expect(run.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('issue-on-failure through dist/ and a fake GitHub API', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await startFakeGitHub('octo/coze-app');
  });
  afterAll(() => github.close());

  const githubToken = 'ghs_bundleInstallationToken000000000';
  const runner = () => ({
    GITHUB_REPOSITORY: 'octo/coze-app',
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_API_URL: github.url,
  });
  const alerting = (extra: Record<string, string> = {}) =>
    inputs({ 'issue-on-failure': 'true', 'github-token': githubToken, verify: 'true', ...extra });

  it('opens an issue, comments while failing, closes on recovery, and writes no secret', async () => {
    const revoked = {
      kind: 'status',
      status: 401,
      body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }),
    } as const;
    standIn.failUsersMe(revoked);
    const first = await runAction(alerting(), runner());
    expectOneError(first, /check call to \/v1\/users\/me: authentication is invalid/);
    expect(visibleLog(first)).toContain('Alert issue: opened issue #1.');
    expect(commands(first.stdout, 'add-mask')).toContain(githubToken);
    standIn.failUsersMe(revoked);
    const second = await runAction(alerting(), runner());
    expect(visibleLog(second)).toContain('Alert issue: commented on issue #1.');
    const third = await runAction(alerting(), runner());
    expect(third.code).toBe(0);
    expect(visibleLog(third)).toContain('Alert issue: closed issue #1.');
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ state: 'closed', labels: ['coze-token-check'] });
    expect(github.issues[0]?.comments).toHaveLength(2);
    expect(leaksIn(github.written(), { pems: [keys.pkcs8], standIn, extra: [githubToken] })).toEqual([]);
    for (const run of [first, second, third]) expectNoSecrets(run, [githubToken]);
  });

  it("keeps Coze's error and adds one ::warning:: when GitHub refuses", async () => {
    github.refuse(403);
    try {
      const run = await runAction(alerting({ 'public-key-id': 'deleted' }), runner());
      expectOneError(run, /kid not been registred/);
      expect(commands(run.stdout, 'warning')).toEqual([
        expect.stringMatching(
          /^Could not write the alert issue to GitHub: GitHub answered HTTP 403 .*permissions: issues: write/,
        ),
      ]);
    } finally {
      github.refuse(undefined);
    }
  });
});
