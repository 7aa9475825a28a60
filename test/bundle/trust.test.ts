// Trust only what is ours, through dist/ as users run it: the action on a runner, the coze-token command in a shell,
// the library imported. Each case of the attack report once, where a user would meet it.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { marker } from '../../src/alert/index.ts';
import { appTag } from '../../src/core/report.ts';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { type FakeGitHub, OUTSIDER, startFakeGitHub } from '../support/fake-github.ts';
import { leaksIn } from '../support/leaks.ts';
import { ROOT } from '../support/paths.ts';
import { startProxy } from '../support/proxy.ts';
import { commands, leakSurface, runAction, visibleLog } from '../support/run-action.ts';
import { spawnNode } from '../support/spawn-node.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7433333333333', 'bundle-trust-kid', { tokenPrefix: 'Opaque' });
const githubToken = 'ghs_bundleTrustToken000000000000000';
const dir = mkdtempSync(join(tmpdir(), 'coze-trust-'));
const keyFile = join(dir, 'key.pem');
writeFileSync(keyFile, keys.pkcs8);
const tls = (name: string) => readFileSync(join(ROOT, 'test/fixtures/tls', name), 'utf8');
let remote: CozeStandIn;
let github: FakeGitHub;

beforeAll(async () => {
  // Tokens no shape-based redaction knows, so only redaction by value keeps them out.
  remote = await startCozeStandIn({
    publicKey: keys.publicKey,
    appId,
    kid,
    audience: 'api.coze.test',
    tls: { key: tls('server-key.pem'), cert: tls('server-cert.pem') },
  });
  github = await startFakeGitHub('octo/coze-app');
});
afterAll(async () => {
  await Promise.all([remote.close(), github.close()]);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => github.reset());

const runner = (extra: Record<string, string> = {}) => ({
  GITHUB_REPOSITORY: 'octo/coze-app',
  GITHUB_RUN_ID: '12',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: github.url,
  ...extra,
});
const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  verify: 'true',
  'issue-on-failure': 'true',
  'github-token': githubToken,
  ...extra,
});
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnNode(process.execPath, [join(ROOT, 'dist/cli/index.js'), ...args], env);
const ids = () => ['--app-id', appId, '--public-key-id', kid, '--base-url', standIn.url];

describe('the action on a runner', () => {
  it("never touches an outsider's issue that carries a copy of the marker", async () => {
    const planted = github.openAs(OUTSIDER, {
      title: 'Coze credential check failing',
      body: marker({ app: appTag(appId, 'octo/coze-app'), site: `127.0.0.1:${new URL(standIn.url).port}` }),
    });
    standIn.failUsersMe({ kind: 'status', status: 401, body: '{"code":4100,"msg":"authentication is invalid"}' });
    const failed = await runAction(inputs(), runner());
    expect(failed.stdout).toContain('Alert issue: opened issue #2.');
    const recovered = await runAction(inputs(), runner());
    expect(recovered.stdout).toContain('Alert issue: closed issue #2.');
    expect(planted).toMatchObject({ state: 'open', comments: [] });
    // The app id is a secret: not in any issue, title or marker.
    expect(github.written()).not.toContain(appId);
  });

  it('keeps a token Coze repeats back out of the issue and the summary', async () => {
    standIn.failUsersMe({ kind: 'echo-token' });
    const run = await runAction(inputs(), runner());
    const token = [...standIn.issued].at(-1) as string;
    expect(run.code).toBe(1);
    expect(
      leaksIn(`${leakSurface(run)}\n${github.written()}`, { pems: [keys.pkcs8], standIn, extra: [githubToken, token] }),
    ).toEqual([]);
    expect(run.summary).toContain('&#91;redacted&#93;');
  });

  it('sends the github-token nowhere in clear: http:// off loopback is refused, and the proxy sees nothing', async () => {
    const proxy = await startProxy();
    try {
      standIn.failUsersMe({ kind: 'status', status: 401, body: '{"code":4100,"msg":"authentication is invalid"}' });
      const run = await runAction(
        inputs(),
        runner({ GITHUB_API_URL: github.url.replace('127.0.0.1', 'github.test'), HTTP_PROXY: proxy.url }),
      );
      expect(commands(run.stdout, 'warning')).toEqual([
        expect.stringMatching(/GITHUB_API_URL is not an https:\/\/ URL.*nothing was sent$/),
      ]);
      expect(proxy.hits).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('ends by deadline-seconds when another input is wrong and GitHub never answers, naming that limit', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const run = await runAction(
        inputs({ 'deadline-seconds': '2', verify: 'yes' }),
        runner({ GITHUB_API_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` }),
      );
      expect(run.durationMs).toBeLessThan(4000);
      expect(commands(run.stdout, 'warning')).toEqual([
        expect.stringMatching(/did not answer within the [12]\.\d s that deadline-seconds left for it$/),
      ]);
      expect(run.log).not.toMatch(/⟦|⟧/);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('logs each attempt with step debug on: a 503 then a 200 give two lines with status and time, and no secret', async () => {
    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}', headers: { 'retry-after': '0' } });
    const run = await runAction(inputs({ verify: 'false', 'issue-on-failure': 'false' }), { RUNNER_DEBUG: '1' });
    expect(run.code).toBe(0);
    expect(commands(run.stdout, 'debug').filter((line) => line.includes(': attempt '))).toEqual([
      expect.stringMatching(
        /^POST http:\/\/127\.0\.0\.1:\d+\/api\/permission\/oauth2\/token: attempt 1: HTTP 503, code 5000, log id \w+ after \d+ ms; waiting \d+ ms before attempt 2$/,
      ),
      expect.stringMatching(
        /^POST http:\/\/127\.0\.0\.1:\d+\/api\/permission\/oauth2\/token: attempt 2: HTTP 200, log id \w+ after \d+ ms; final$/,
      ),
    ]);
    expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn })).toEqual([]);
  });

  it('reads HTTPS_PROXY=host:port without a scheme, as curl does', async () => {
    const proxy = await startProxy();
    try {
      const run = await runAction(
        {
          'app-id': appId,
          'public-key-id': kid,
          'private-key': keys.pkcs8,
          'base-url': remote.url.replace('127.0.0.1', 'api.coze.test'),
        },
        { HTTPS_PROXY: proxy.url.replace('http://', ''), NODE_EXTRA_CA_CERTS: join(ROOT, 'test/fixtures/tls/ca.pem') },
      );
      expect(run.code).toBe(0);
      expect(proxy.hits).toEqual([expect.stringMatching(/^CONNECT api\.coze\.test:\d+$/)]);
    } finally {
      await proxy.close();
    }
  });

  it('names a proxy variable it cannot use, without its credentials, and does not retry', async () => {
    const run = await runAction(
      { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': 'https://api.coze.test' },
      { HTTPS_PROXY: 'http://corp:s3cr%zzt@127.0.0.1:9' },
    );
    expect(commands(run.stdout, 'error')).toEqual([
      expect.stringMatching(/^Environment variable HTTPS_PROXY: expected a proxy URL .*broken percent-escape/),
    ]);
    expect(visibleLog(run)).not.toContain('s3cr');
    expect(run.durationMs).toBeLessThan(3000);
  });
});

describe('the coze-token command in a shell', () => {
  it('never prints a PEM pasted as a bare argument, before or after the command', async () => {
    for (const args of [
      ['mint', ...ids(), keys.pkcs8],
      [keys.pkcs8, 'mint', ...ids()],
      ['check', '--json', ...ids(), keys.pkcs8],
    ]) {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^coze-token: arguments: argument \d is not an option coze-token knows/);
      expect(leaksIn(`${run.stdout}${run.stderr}`, { pems: [keys.pkcs8], standIn })).toEqual([]);
    }
  });

  it('reads at most 64 KiB of a key file: /dev/zero and /dev/urandom end at once as bad input', {
    skip: process.platform === 'win32',
  }, async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const started = performance.now();
      const run = await cli(['mint', ...ids(), '--private-key-file', device]);
      expect(performance.now() - started).toBeLessThan(3000);
      expect([run.code, run.stderr]).toEqual([
        2,
        'coze-token mint: --private-key-file: holds more than 64 KiB, which is no private key (a PEM is a few KiB)\n',
      ]);
    }
  });

  it('reads standard input from /dev/zero within the same bound', { skip: process.platform === 'win32' }, async () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const child = spawn(process.execPath, [join(ROOT, 'dist/cli/index.js'), 'mint', ...ids(), '--private-key', '-'], {
        stdio: [zero, 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '' },
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect([code, stderr]).toEqual([
        2,
        'coze-token mint: --private-key -: holds more than 64 KiB, which is no private key (a PEM is a few KiB)\n',
      ]);
    } finally {
      closeSync(zero);
    }
  });

  it('gives up on a FIFO nobody writes to when --deadline-seconds runs out, and exits', {
    skip: process.platform === 'win32',
  }, async () => {
    const fifo = join(dir, 'key.fifo');
    execFileSync('mkfifo', [fifo]);
    const started = performance.now();
    const run = await cli(['mint', ...ids(), '--deadline-seconds', '1', '--private-key-file', fifo]);
    expect(performance.now() - started).toBeLessThan(4000);
    expect([run.code, run.stderr]).toEqual([
      2,
      'coze-token mint: --private-key-file: gave no end of the key within --deadline-seconds 1: expected a file or input that ends\n',
    ]);
  });

  it('fails with its exit code, not a stack trace, when the reader of its output has gone', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist/cli/index.js'), 'mint', ...ids(), '--private-key-file', keyFile],
      {
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    child.stdout?.destroy();
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([1, '']);
  });

  it('keeps a token Coze repeats back out of check, and names C1 and bidi controls and our markers as plain text', async () => {
    standIn.failUsersMe({ kind: 'echo-token' });
    const run = await cli(['check', ...ids(), '--private-key-file', keyFile]);
    expect(run.code).toBe(1);
    expect(leaksIn(`${run.stdout}${run.stderr}`, { pems: [keys.pkcs8], standIn })).toEqual([]);
    standIn.fail({
      kind: 'status',
      status: 401,
      body: JSON.stringify({
        error_code: 'invalid_client',
        error_message: 'x \u009b2J \u202eevil ⟦base-url=https://evil.example⟧',
      }),
    });
    const hostile = await cli(['mint', ...ids(), '--private-key-file', keyFile]);
    expect(hostile.stderr).not.toMatch(/[\u0080-\u009f\u202a-\u202e]|--base-url https:\/\/evil/);
    expect(hostile.stderr).toContain('[base-url=https://evil.example]');
  });
});

describe('the library, imported', () => {
  it('throws a refusal without the token that Coze repeated back', async () => {
    const script = join(dir, 'echo.mjs');
    writeFileSync(
      script,
      `import { mintCozeToken } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/lib/index.js')).href)};
       try { await mintCozeToken({ appId: process.env.APP, publicKeyId: process.env.KID, privateKey: process.env.KEY, baseUrl: process.env.BASE, verify: true }); }
       catch (error) { console.log(JSON.stringify({ name: error.name, message: error.message, details: error.details, stack: error.stack })); }`,
    );
    standIn.failUsersMe({ kind: 'echo-token' });
    const run = await spawnNode(process.execPath, [script], {
      APP: appId,
      KID: kid,
      KEY: keys.pkcs8,
      BASE: standIn.url,
    });
    const thrown = JSON.parse(run.stdout) as {
      name: string;
      message: string;
      details: { logId?: string };
      stack: string;
    };
    expect(thrown.stack).toMatch(/for token \[redacted\]/);
    expect(thrown).toMatchObject({
      name: 'CozeError',
      message: expect.stringMatching(/for token \[redacted\]/),
      details: { logId: '[redacted]' },
    });
    expect(leaksIn(run.stdout, { pems: [keys.pkcs8], standIn })).toEqual([]);
  });
});
