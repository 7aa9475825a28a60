// Promises that hold by construction, through dist/ as users meet them: a step, `coze-token check` and a library call
// end within their deadline whatever an answer holds; public text never shows the app id or the fingerprint; one alert
// issue whatever happens to its label; a token source never holds a finished program; the library checks its options.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.ts';
import { leaksIn } from '../support/leaks.ts';
import { ROOT } from '../support/paths.ts';
import { commands, leakSurface, runAction } from '../support/run-action.ts';
import { spawnNode } from '../support/spawn-node.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7488888888888', 'bundle-outside-kid-0123456789abcdef', {
  tokenPrefix: 'Opaque',
});
const githubToken = 'ghs_bundleOutsideToken0000000000000';
/** Token-like text without the dots a JWT has, just under the 1 MiB cap with its JSON around it. */
const HOSTILE = 'eyJ'.repeat(340_000);
let github: FakeGitHub;
let hostileGitHub: Server;

beforeAll(async () => {
  github = await startFakeGitHub('octo/coze-app');
  hostileGitHub = createServer((_, res) => {
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: HOSTILE }));
  });
  await new Promise<void>((resolve) => hostileGitHub.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  hostileGitHub.closeAllConnections();
  await Promise.all([github.close(), new Promise((resolve) => hostileGitHub.close(resolve))]);
});
beforeEach(() => github.reset());

const runner = (apiUrl = github.url) => ({
  GITHUB_REPOSITORY: 'octo/coze-app',
  GITHUB_RUN_ID: '21',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: apiUrl,
  GITHUB_WORKFLOW: 'Coze credential check',
  GITHUB_JOB: 'check',
});
const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  verify: 'true',
  ...extra,
});
const alerting = { 'issue-on-failure': 'true', 'github-token': githubToken };
const ids = () => ['--app-id', appId, '--public-key-id', kid, '--base-url', standIn.url];
const cli = (args: string[]) =>
  spawnNode(process.execPath, [join(ROOT, 'dist/cli/index.js'), ...args], { COZE_PRIVATE_KEY: keys.pkcs8 });
/** A script run against dist/lib as a library user runs one: the package's entry, imported. */
const library = (body: string) =>
  spawnNode(process.execPath, [
    '--input-type=module',
    '-e',
    `import * as lib from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/lib/index.js')).href)};\n${body}`,
  ]);
const options = (extra = '') =>
  `{ appId: ${JSON.stringify(appId)}, publicKeyId: ${JSON.stringify(kid)}, privateKey: ${JSON.stringify(keys.pkcs8)}, baseUrl: ${JSON.stringify(standIn.url)}${extra} }`;
const refuseHostile = () =>
  standIn.fail({
    kind: 'status',
    status: 400,
    body: JSON.stringify({ error_code: 'invalid_request', error_message: HOSTILE }),
  });
const noLeaks = (text: string) =>
  expect(leaksIn(text, { pems: [keys.pkcs8], standIn, extra: [githubToken, appId, kid] })).toEqual([]);

describe('a message built to be slow to scan ends within the deadline', () => {
  it('the action: a token refusal, a verify refusal and a GitHub refusal of a megabyte each, deadline-seconds 2', async () => {
    refuseHostile();
    const minting = await runAction(inputs({ 'deadline-seconds': '2' }));
    standIn.failUsersMe({ kind: 'status', status: 401, body: JSON.stringify({ code: 4100, msg: HOSTILE }) });
    const verifying = await runAction(
      inputs({ 'deadline-seconds': '2', ...alerting }),
      runner(`http://127.0.0.1:${(hostileGitHub.address() as AddressInfo).port}`),
    );
    for (const run of [minting, verifying]) {
      expect(run.code).toBe(1);
      expect(run.durationMs).toBeLessThan(5000);
      expect(commands(run.stdout, 'error')).toEqual([expect.stringMatching(/: (eyJ){100}…/)]);
      noLeaks(leakSurface(run));
    }
    expect(commands(verifying.stdout, 'warning')).toEqual([
      expect.stringMatching(/^Could not write the alert issue to GitHub: GitHub answered HTTP 403 \((eyJ){100}…\)/),
    ]);
  });

  it('coze-token check, and mintCozeToken in a program that embeds the library', async () => {
    refuseHostile();
    const started = performance.now();
    const checked = await cli(['check', ...ids(), '--deadline-seconds', '2']);
    expect([checked.code, performance.now() - started < 5000]).toEqual([1, true]);
    expect(checked.stderr).toMatch(
      /^coze-token check: Coze refused the token request: (eyJ){100}… \(HTTP 400, code invalid_request/,
    );
    refuseHostile();
    const embedded = await library(`
      const started = performance.now();
      const error = await lib.mintCozeToken(${options(', deadlineSeconds: 2')}).catch((thrown) => thrown);
      console.log(JSON.stringify({ ms: performance.now() - started, name: error.name, length: error.message.length }));
    `);
    const result = JSON.parse(embedded.stdout) as { ms: number; name: string; length: number };
    expect(result.name).toBe('CozeError');
    expect(result.ms).toBeLessThan(3000);
    expect(result.length).toBeLessThan(400);
  });
});

describe("public text never shows the app id or the fingerprint, however Coze's words carry them", () => {
  it('the action: log, summary, and the alert issue of a deactivated app, and a refusal that names the fingerprint', async () => {
    standIn.deactivate();
    try {
      const deactivated = await runAction(inputs(alerting), runner());
      expect(commands(deactivated.stdout, 'error')).toEqual([
        expect.stringMatching(/^Coze refused the token request: app: \[app-id\] is currently deactivated by the owner/),
      ]);
      expect(deactivated.summary).toContain('app: &#91;app-id&#93; is currently deactivated');
      expect(github.written()).toContain('app: [app-id] is currently deactivated');
      noLeaks(
        `${leakSurface(deactivated)}\n${github.written()}\n${github.issues.map((issue) => issue.title).join('\n')}`,
      );
    } finally {
      standIn.deactivate(false);
    }
    standIn.fail({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ error_code: 'invalid_client', error_message: `unknown kid ${kid.toUpperCase()}` }),
    });
    const unknownKey = await runAction(inputs(alerting), runner());
    expect(commands(unknownKey.stdout, 'error')).toEqual([
      expect.stringMatching(/^Coze refused the token request: unknown kid \[public-key-id\]/),
    ]);
    noLeaks(`${leakSurface(unknownKey)}\n${github.written()}`);
  });

  it('the action: no part of an id that stands across the cut at 300 characters, in the log, summary, issue or outputs', async () => {
    const across = (id: string) => `${'x'.repeat(290)} ${id} is currently deactivated by the owner`;
    standIn.fail({
      kind: 'status',
      status: 403,
      body: JSON.stringify({ error_code: 'access_deny', error_message: across(appId) }),
    });
    const refused = await runAction(inputs(alerting), runner());
    standIn.failUsersMe({
      kind: 'status',
      status: 200,
      body: JSON.stringify({ code: 0, data: { user_id: across(appId), user_name: across(kid) } }),
    });
    const verified = await runAction(inputs(), runner());
    expect([refused.code, verified.code]).toEqual([1, 0]);
    const written = `${leakSurface(refused)}\n${leakSurface(verified)}\n${Object.values(verified.outputs).join('\n')}\n${github.written()}`;
    expect(written).toContain('x'.repeat(290));
    for (const piece of [appId.slice(0, 6), kid.slice(0, 6)]) expect(written).not.toContain(piece);
  });

  it('coze-token check and the library, each in its own words', async () => {
    standIn.deactivate();
    try {
      const checked = await cli(['check', ...ids()]);
      expect(checked.stderr).toMatch(
        /^coze-token check: Coze refused the token request: app: \[--app-id\] is currently deactivated by the owner/,
      );
      noLeaks(`${checked.stdout}${checked.stderr}`);
      const embedded = await library(`
        const error = await lib.mintCozeToken(${options()}).catch((thrown) => thrown);
        console.log(error.stack.split(String.fromCharCode(10))[0]);
      `);
      expect(embedded.stdout).toMatch(
        /^CozeError: Coze refused the token request: app: \[appId\] is currently deactivated by the owner/,
      );
      noLeaks(embedded.stdout);
    } finally {
      standIn.deactivate(false);
    }
  });
});

describe('one alert issue, whatever happens to its label', () => {
  it('a github-token without push access, whose new issues GitHub opens without labels: one issue, closed on recovery', async () => {
    github.grantPush(false);
    const failing = () => {
      standIn.failUsersMe({ kind: 'status', status: 401, body: '{"code":4100,"msg":"authentication is invalid"}' });
      return runAction(inputs(alerting), runner());
    };
    const runs = [await failing(), await failing(), await failing()];
    expect(runs.map((run) => commands(run.stdout, 'warning'))).toEqual([[], [], []]);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ labels: [], comments: [expect.any(String), expect.any(String)] });
    const recovered = await runAction(inputs(alerting), runner());
    expect(recovered.stdout).toContain('Alert issue: closed issue #1.');
  });
});

describe('the library', () => {
  it('a background refresh that hangs does not hold a finished program; a caller that waits for a token does', async () => {
    // The first mint is answered; the second, the background refresh, never is.
    standIn.fail({ kind: 'pass' }, { kind: 'hang' });
    const before = standIn.requests.length;
    const started = performance.now();
    const run = await library(`
      let now = Date.now();
      const source = lib.cozeTokenSource(${options(', durationSeconds: 900, refreshSeconds: 60, deadlineSeconds: 60, retries: 0')}, () => now);
      const first = await source();
      now += (900 - 30) * 1000;
      console.log(first === (await source()) ? 'kept' : 'changed');
    `);
    expect(run.stdout.trim()).toBe('kept');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(standIn.requests.length - before).toBe(2);

    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}', headers: { 'retry-after': '1' } });
    const waiting = await library(`
      const source = lib.cozeTokenSource(${options(', retries: 2')});
      console.log((await source()).startsWith('Opaque') ? 'token' : 'none');
    `);
    expect(waiting.stdout.trim()).toBe('token');
  });

  it('a log that throws during a background refresh loses its line, not the program', async () => {
    standIn.fail(
      { kind: 'pass' },
      { kind: 'status', status: 401, body: JSON.stringify({ error_code: 'invalid_client', error_message: 'no' }) },
    );
    const run = await library(`
      let now = Date.now();
      let closed = false;
      const log = () => { if (closed) throw new Error('the logger is closed'); };
      const source = lib.cozeTokenSource(${options(', retries: 0, log')}, () => now);
      const first = await source();
      closed = true;
      now += (900 - 30) * 1000;
      console.log(first === (await source()) ? 'kept' : 'changed');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      console.log('done');
    `);
    expect(run.stdout.trim().split('\n')).toEqual(['kept', 'done']);
  });

  it('checks option types and the size of the key before any work', async () => {
    const run = await library(`
      for (const extra of [{ durationSeconds: '600' }, { verify: 'yes' }, { privateKey: 'A'.repeat(5 * 1024 * 1024) }]) {
        const started = performance.now();
        const error = await lib.mintCozeToken({ ...${options()}, ...extra }).catch((thrown) => thrown);
        console.log(error.name, error.message, performance.now() - started < 1000);
      }
    `);
    expect(run.stdout.trim().split('\n')).toEqual([
      "InputError Option 'durationSeconds': expected a number, not a string true",
      "InputError Option 'verify': expected true or false, not a string true",
      "InputError Option 'privateKey': holds more than 64 KiB, which is no private key (a PEM is a few KiB) true",
    ]);
  });
});
