// Networks as they are, through dist/: one connection per step, loopback never proxied, a stalled proxy held to
// the deadline, servers that do not speak HTTP, answers that are no token, and input that would leave the table.
import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { leaksIn } from '../support/leaks.ts';
import { ROOT } from '../support/paths.ts';
import { startProxy } from '../support/proxy.ts';
import { type ActionRun, commands, leakSurface, runAction } from '../support/run-action.ts';
import { spawnNode } from '../support/spawn-node.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381944', 'network-kid');
const tls = (name: string) => readFileSync(join(ROOT, 'test/fixtures/tls', name), 'utf8');
const CA = { NODE_EXTRA_CA_CERTS: join(ROOT, 'test/fixtures/tls/ca.pem') };
/** Coze over TLS under a name that is not loopback, reached through the test proxies. */
let remote: CozeStandIn;
let remoteUrl: string;
/** A server that answers every request in something that is not HTTP, counting connections. */
let notHttp: Server;
let notHttpConnections = 0;

beforeAll(async () => {
  remote = await startCozeStandIn({
    publicKey: keys.publicKey,
    appId,
    kid,
    audience: 'api.coze.test',
    tls: { key: tls('server-key.pem'), cert: tls('server-cert.pem') },
  });
  remoteUrl = remote.url.replace('127.0.0.1', 'api.coze.test');
  notHttp = createServer((socket: Socket) => {
    notHttpConnections++;
    socket.on('error', () => socket.destroy());
    socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
  });
  await new Promise<void>((resolve) => notHttp.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await Promise.all([remote.close(), new Promise((resolve) => notHttp.close(resolve))]);
});

const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  ...extra,
});
const notHttpUrl = () => `http://127.0.0.1:${(notHttp.address() as { port: number }).port}`;

function expectOneError(run: ActionRun, pattern: RegExp): string {
  expect(run.code).toBe(1);
  const errors = commands(run.stdout, 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(run.outputs.token).toBeUndefined();
  expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn })).toEqual([]);
  return errors[0] as string;
}

describe('one connection per step', () => {
  it('mints and verifies over one connection, direct', async () => {
    const before = standIn.connections();
    const run = await runAction(inputs({ verify: 'true' }));
    expect(run.code).toBe(0);
    expect(standIn.connections() - before).toBe(1);
  });

  it('retries a transient answer on the same connection', async () => {
    standIn.fail({ kind: 'status', status: 503, body: '{}' });
    const before = standIn.connections();
    const run = await runAction(inputs({ verify: 'true' }));
    expect(run.code).toBe(0);
    expect(standIn.connections() - before).toBe(1);
  });

  it('through a proxy: one CONNECT, one TLS connection, for mint and verify', async () => {
    const proxy = await startProxy();
    try {
      const before = remote.connections();
      const run = await runAction(inputs({ 'base-url': remoteUrl, verify: 'true' }), { HTTPS_PROXY: proxy.url, ...CA });
      expect(run.code).toBe(0);
      expect(run.outputs.verified).toBe('true');
      expect(proxy.hits).toEqual([`CONNECT ${new URL(remoteUrl).host}`]);
      expect(proxy.connections()).toBe(1);
      expect(remote.connections() - before).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('loopback always goes direct', () => {
  it('never sends a loopback base-url through HTTP(S)_PROXY, whatever NO_PROXY says', async () => {
    const proxy = await startProxy();
    try {
      for (const env of [
        { HTTP_PROXY: proxy.url },
        { http_proxy: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com' },
      ]) {
        for (const base of [standIn.url, standIn.url.replace('127.0.0.1', 'localhost')]) {
          const run = await runAction(inputs({ 'base-url': base, audience: '127.0.0.1', verify: 'true' }), env);
          expect(run.code).toBe(0);
        }
      }
      expect(proxy.hits).toEqual([]);
      expect(proxy.connections()).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('a proxy that never answers', () => {
  it('holds deadline-seconds: 8 (the step ends within 15 s), and every attempt opens a fresh tunnel', async () => {
    const proxy = await startProxy({ stall: true });
    try {
      const run = await runAction(
        inputs({ 'base-url': remoteUrl, 'deadline-seconds': '8', 'timeout-seconds': '2', retries: '10' }),
        {
          HTTPS_PROXY: proxy.url,
          ...CA,
        },
      );
      expect(run.durationMs).toBeLessThan(15_000);
      expectOneError(run, /no answer within deadline-seconds \(8 s\) after (\d+) attempts/);
      const attempts = Number(/after (\d+) attempts/.exec(commands(run.stdout, 'error')[0] as string)?.[1]);
      expect(attempts).toBeGreaterThanOrEqual(3);
      expect(proxy.connections()).toBe(attempts);
      expect(proxy.hits).toHaveLength(attempts);
    } finally {
      await proxy.close();
    }
  });

  it('lets the CLI and the library end too', async () => {
    const proxy = await startProxy({ stall: true });
    try {
      const env = { HTTPS_PROXY: proxy.url, ...CA };
      const flags = [
        '--app-id',
        appId,
        '--public-key-id',
        kid,
        '--private-key',
        '-',
        '--base-url',
        remoteUrl,
        '--deadline-seconds',
        '3',
        '--timeout-seconds',
        '1',
      ];
      const started = performance.now();
      const cli = await spawnNode(
        process.execPath,
        [join(ROOT, 'dist/cli/index.js'), 'mint', ...flags],
        env,
        keys.pkcs8,
      );
      expect(cli.code).toBe(3);
      expect(cli.stderr).toMatch(/no answer within --deadline-seconds \(3 s\)/);
      const options = JSON.stringify({
        appId,
        publicKeyId: kid,
        privateKey: keys.pkcs8,
        baseUrl: remoteUrl,
        deadlineSeconds: 3,
        timeoutSeconds: 1,
      });
      const script = `const lib = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/lib/index.js')).href)}); await lib.mintCozeToken(${options}).catch((e) => console.log(e.name));`;
      // The process must exit by itself once the call has failed: nothing of the call keeps it alive.
      const library = await spawnNode(process.execPath, ['--input-type=module', '-e', script], env);
      expect(library.stdout.trim()).toBe('NetworkError');
      expect(performance.now() - started).toBeLessThan(12_000);
    } finally {
      await proxy.close();
    }
  });
});

/** A script for `node -e` that calls dist/lib's mintCozeToken and prints what `print` makes of its error. */
function libraryMint(options: Record<string, unknown>, print: string): string {
  const library = JSON.stringify(pathToFileURL(join(ROOT, 'dist/lib/index.js')).href);
  const call = `lib.mintCozeToken(${JSON.stringify({ appId, publicKeyId: kid, privateKey: keys.pkcs8, ...options })})`;
  return `const lib = await import(${library}); await ${call}.catch((e) => console.log(${print}));`;
}

describe('a TLS handshake stalled inside a proxy tunnel', () => {
  /** Accepts the tunnelled connection, reads the ClientHello and never answers it. */
  const silent = createServer((socket: Socket) => {
    socket.on('error', () => socket.destroy());
    socket.resume();
  });
  const stalledUrl = () => `https://api.coze.test:${(silent.address() as { port: number }).port}`;
  beforeAll(() => new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise((resolve) => silent.close(resolve)));

  it('holds the step, the CLI and the library to deadline-seconds: 3 (each process ends within 6 s)', async () => {
    const proxy = await startProxy();
    try {
      const env = { HTTPS_PROXY: proxy.url };
      const limits = { 'deadline-seconds': '3', 'timeout-seconds': '1', retries: '5' };
      const run = await runAction(inputs({ 'base-url': stalledUrl(), ...limits }), env);
      expectOneError(run, /no answer within deadline-seconds \(3 s\) after \d+ attempts/);
      expect(run.durationMs).toBeLessThan(6000);
      const flags = ['--app-id', appId, '--public-key-id', kid, '--private-key', '-', '--base-url', stalledUrl()];
      let started = performance.now();
      const cli = await spawnNode(
        process.execPath,
        [join(ROOT, 'dist/cli/index.js'), 'mint', ...flags, '--deadline-seconds', '3', '--timeout-seconds', '1'],
        env,
        keys.pkcs8,
      );
      expect(cli.code).toBe(3);
      expect(performance.now() - started).toBeLessThan(6000);
      const script = libraryMint({ baseUrl: stalledUrl(), deadlineSeconds: 3, timeoutSeconds: 1 }, 'e.name');
      started = performance.now();
      const library = await spawnNode(process.execPath, ['--input-type=module', '-e', script], env);
      expect(library.stdout.trim()).toBe('NetworkError');
      expect(performance.now() - started).toBeLessThan(6000);
    } finally {
      await proxy.close();
    }
  });
});

describe('certificates, whatever NODE_TLS_REJECT_UNAUTHORIZED says', () => {
  const insecure = { NODE_TLS_REJECT_UNAUTHORIZED: '0' };
  const unknown = 'the certificate was signed by an unknown authority \\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\\)';
  const refused = new RegExp(`certificate verification failed: ${unknown}\\. .*whatever NODE_TLS_REJECT_UNAUTHORIZED`);
  const direct = () => ({ 'base-url': remote.url, audience: 'api.coze.test' });

  it('sends no JWT to a certificate nobody vouches for, directly or through a proxy, and says why', async () => {
    const proxy = await startProxy();
    try {
      const before = remote.requests.length;
      expectOneError(await runAction(inputs(direct()), insecure), refused);
      const proxied = await runAction(inputs({ 'base-url': remoteUrl }), { ...insecure, HTTPS_PROXY: proxy.url });
      expectOneError(proxied, refused);
      const script = libraryMint({ baseUrl: remote.url, audience: 'api.coze.test', retries: 0 }, 'e.name, e.message');
      const library = await spawnNode(process.execPath, ['--input-type=module', '-e', script], insecure);
      expect(library.stdout).toMatch(/^NetworkError .*TLS certificate verification failed/);
      expect(remote.requests.length).toBe(before);
      expect(proxy.hits).toEqual([`CONNECT ${new URL(remoteUrl).host}`]);
    } finally {
      await proxy.close();
    }
  });

  it('still trusts the CA given in NODE_EXTRA_CA_CERTS', async () => {
    const run = await runAction(inputs({ ...direct(), verify: 'true' }), { ...insecure, ...CA });
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
  });
});

describe('a server that does not speak HTTP', () => {
  it('is a network failure: retried, in network words', async () => {
    const before = notHttpConnections;
    const run = await runAction(inputs({ 'base-url': notHttpUrl(), retries: '2' }));
    expectOneError(
      run,
      /^Token request to http:\/\/127\.0\.0\.1:\d+\/api\/permission\/oauth2\/token: the server did not answer in HTTP \(is base-url the Coze API\?\) \(3 attempts\)/,
    );
    expect(notHttpConnections - before).toBe(3);
    expect(run.log).not.toMatch(/Unexpected error/);
  });

  it('exits 3 in the CLI and throws NetworkError in the library', async () => {
    const cli = await spawnNode(
      process.execPath,
      [
        join(ROOT, 'dist/cli/index.js'),
        'mint',
        '--app-id',
        appId,
        '--public-key-id',
        kid,
        '--private-key',
        '-',
        '--base-url',
        notHttpUrl(),
        '--retries',
        '0',
      ],
      {},
      keys.pkcs8,
    );
    expect(cli.code).toBe(3);
    expect(cli.stderr).toMatch(/the server did not answer in HTTP/);
    const options = JSON.stringify({
      appId,
      publicKeyId: kid,
      privateKey: keys.pkcs8,
      baseUrl: notHttpUrl(),
      retries: 0,
    });
    const script = `const lib = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/lib/index.js')).href)}); await lib.mintCozeToken(${options}).catch((e) => console.log(e instanceof lib.NetworkError));`;
    expect((await spawnNode(process.execPath, ['--input-type=module', '-e', script], {})).stdout.trim()).toBe('true');
  });
});

describe('answers and inputs that would spoil the log or the summary', () => {
  it('refuses a one-character access_token: nothing masked, nothing set', async () => {
    const expiresIn = Math.floor(Date.now() / 1000) + 900;
    standIn.fail({ kind: 'ok-body', body: JSON.stringify({ access_token: 'e', expires_in: expiresIn }) });
    const run = await runAction(inputs({ retries: '0' }));
    expectOneError(
      run,
      /^Coze answered the token request with an access_token of 1 characters, too short to be a Coze token/,
    );
    expect(commands(run.stdout, 'add-mask')).not.toContain('e');
  });

  it('refuses a session-name with line breaks or other control characters, naming the input only', async () => {
    const run = await runAction(inputs({ 'session-name': 'user-1\n\n# Pwned\n\n<img src=x>' }));
    expectOneError(
      run,
      /^Input 'session-name': expected an end user's id for the token's session: one line of at most 256 characters, without control characters$/,
    );
    expect(run.log).not.toContain('Pwned');
    expect(run.summary).not.toContain('Pwned');
  });

  it('keeps Markdown in an input inert inside the summary table', async () => {
    const run = await runAction(
      inputs({
        'session-name': '**bold** [link](https://evil.example) ![x](https://evil.example/x.png) @octocat #1 | cell',
      }),
    );
    expect(run.code).toBe(0);
    const row = run.summary.split('\n').find((line) => line.includes('Session name')) ?? '';
    expect(row).toContain('&#42;&#42;bold&#42;&#42; &#91;link&#93;(https://evil.example)');
    expect(run.summary).not.toMatch(/\[link\]\(|!\[x\]|@octocat|\| cell/);
    expect(
      run.summary
        .trimEnd()
        .split('\n')
        .filter((line) => line.trim() === ''),
    ).toHaveLength(0);
  });

  it('refuses a scope nested 10,000 deep before anything is signed', async () => {
    const before = standIn.requests.length;
    const run = await runAction(inputs({ scope: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}` }));
    expectOneError(run, /^Input 'scope': expected a JSON object of at most 16384 characters$/);
    const deep = await runAction(inputs({ scope: `${'{"a":'.repeat(11)}1${'}'.repeat(11)}` }));
    expectOneError(deep, /^Input 'scope': expected a JSON object nested at most 10 levels deep$/);
    expect(standIn.requests.length).toBe(before);
  });
});
