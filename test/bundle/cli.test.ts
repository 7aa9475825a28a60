// dist/cli/index.js and dist/lib/index.js as users run them: child processes and imports of the built files,
// including on a Node that is too old.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startCozeStandIn } from '../support/coze-stand-in.ts';
import { leaksIn } from '../support/leaks.ts';
import { node22 } from '../support/node22.ts';
import { ROOT } from '../support/paths.ts';
import { spawnNode } from '../support/spawn-node.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7499999999999', 'cli-bundle-kid');
const dir = mkdtempSync(join(tmpdir(), 'coze-cli-bundle-'));
const keyFile = join(dir, 'private key.pem');
writeFileSync(keyFile, keys.pkcs1);
/** How the refusal of an old Node ends: the next step. */
const INSTALL_NEWER_NODE = 'Install a newer Node.js (in a workflow: actions/setup-node with node-version: 24).';
/** Makes this Node report an old version, as a Node 20 machine would. */
const pretendOld = join(dir, 'pretend-node-20.mjs');
writeFileSync(
  pretendOld,
  "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });\n",
);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}, stdin = '', node = process.execPath) =>
  spawnNode(node, [join(ROOT, 'dist/cli/index.js'), ...args], env, stdin);
const flags = () => [
  '--app-id',
  appId,
  '--public-key-id',
  kid,
  '--private-key-file',
  keyFile,
  '--base-url',
  standIn.url,
];

/** A Node older than 22 on PATH (the machine's own), if there is one. */
function oldNode(): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['node', 'node.exe']) {
      const candidate = join(folder, name);
      if (!existsSync(candidate)) continue;
      try {
        const major = Number(/^v(\d+)/.exec(execFileSync(candidate, ['--version'], { encoding: 'utf8' }))?.[1]);
        if (major < 22) return candidate;
      } catch {
        // not runnable: skip it
      }
    }
  }
  return undefined;
}

const old = oldNode();

describe('dist/cli/index.js', () => {
  it('mints, prints the bare token, and keeps everything secret off stderr', async () => {
    const run = await cli(['mint', ...flags()]);
    expect(run.code).toBe(0);
    expect(standIn.issued.has(run.stdout.trim())).toBe(true);
    expect(leaksIn(run.stderr, { pems: [keys.pkcs1], standIn })).toEqual([]);
  });

  it('reads the key from standard input and the rest from the environment', async () => {
    const run = await cli(
      ['check', '--private-key', '-'],
      { COZE_APP_ID: appId, COZE_PUBLIC_KEY_ID: kid, COZE_API_BASE: standIn.url },
      keys.pkcs8,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Verification +✅/m);
  });

  it('exits 1, 2 and 3 with one line and a hint on stderr', async () => {
    const refused = await cli(['mint', ...flags(), '--public-key-id', 'deleted']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^coze-token mint: Coze refused the token request: invalid jwt: kid not been registred .*\nhint: /,
    );
    const bad = await cli(['mint', '--app-id', appId]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const unreachable = await cli(['mint', ...flags(), '--base-url', 'http://127.0.0.1:9', '--retries', '0']);
    expect(unreachable.code).toBe(3);
  });

  it('names a key file it cannot read by its path and the reason the file system gives', async () => {
    const folder = join(dir, 'a folder');
    mkdirSync(folder, { recursive: true });
    const message = (path: string, reason: string) =>
      `coze-token mint: --private-key-file: cannot read "${path}": ${reason}; expected a readable file holding the PEM private key\n`;
    const ids = ['--app-id', appId, '--public-key-id', kid, '--base-url', standIn.url];
    for (const [path, reason] of [
      [join(dir, 'missing.pem'), 'there is no such file'],
      [folder, 'it is a folder, not a file'],
      [join(keyFile, 'inside'), 'a part of the path is not a folder'],
    ]) {
      const run = await cli(['mint', ...ids, '--private-key-file', path as string]);
      expect(run, path).toEqual({ code: 2, stdout: '', stderr: message(path as string, reason as string) });
    }
    // A PEM pasted where its path belongs: not a file, and never shown.
    const pasted = await cli(['mint', ...ids], { COZE_PRIVATE_KEY_FILE: keys.pkcs8 });
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).toMatch(
      /^coze-token mint: COZE_PRIVATE_KEY_FILE: expected the path of a readable file .* looks like a key rather than a path/,
    );
    expect(leaksIn(pasted.stderr, { pems: [keys.pkcs8], standIn })).toEqual([]);
  });

  // Permissions do not hold back root, nor exist so on Windows.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)(
    'names a key file it may not read: permission denied',
    async () => {
      const locked = join(dir, 'locked.pem');
      writeFileSync(locked, keys.pkcs8);
      chmodSync(locked, 0o000);
      const run = await cli(['mint', '--app-id', appId, '--public-key-id', kid, '--private-key-file', locked]);
      expect(run.stderr).toBe(
        `coze-token mint: --private-key-file: cannot read "${locked}": permission denied; expected a readable file holding the PEM private key\n`,
      );
    },
  );

  it('names an extra argument and a misspelt option by position, with the option meant, never echoing them', async () => {
    const extra = await cli(['check', 'extra', ...flags()]);
    expect(extra).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'coze-token check: arguments: argument 2 is unexpected: coze-token check takes no arguments but options (coze-token --help lists them); it is not repeated here, in case it is a key\n',
    });
    const misspelt = await cli(['mint', '--app-idd', '1', ...flags()]);
    expect(misspelt).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'coze-token: arguments: argument 2 is not an option coze-token knows; did you mean --app-id? (coze-token --help lists them); it is not repeated here, in case it is a key\n',
    });
  });

  it('runs on a real Node 22, the oldest line it serves', async () => {
    const before = standIn.issued.size;
    const run = await cli(['mint', '--json', ...flags()], {}, '', node22());
    expect(run.code).toBe(0);
    expect(standIn.issued.has(JSON.parse(run.stdout).token)).toBe(true);
    expect(standIn.issued.size).toBe(before + 1);
    expect(execFileSync(node22(), ['--version'], { encoding: 'utf8' })).toMatch(/^v22\./);
  });

  it('refuses a Node older than 22.19 in one line, exit code 2, before loading anything else', async () => {
    const before = standIn.issued.size;
    const run = await spawnNode(process.execPath, [
      '--import',
      pathToFileURL(pretendOld).href,
      join(ROOT, 'dist/cli/index.js'),
      'mint',
      ...flags(),
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `coze-token needs Node.js 22.19 or later; this is Node.js 20.20.2. ${INSTALL_NEWER_NODE}\n`,
    });
    expect(standIn.issued.size).toBe(before);
  });

  it.skipIf(!old)(`refuses this machine's own old Node (${old ?? 'none found'}) the same way`, async () => {
    const run = await spawnNode(old as string, [join(ROOT, 'dist/cli/index.js'), '--help']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^coze-token needs Node\.js 22\.19 or later; this is Node\.js v?[12]\d\.\d+\.\d+\. Install /,
    );
    expect(run.stderr.endsWith(`${INSTALL_NEWER_NODE}\n`)).toBe(true);
  });
});

describe('dist/lib/index.js', () => {
  it('mints and verifies from the built package entry, throwing the exported error classes', async () => {
    const lib = (await import(
      pathToFileURL(join(ROOT, 'dist/lib/index.js')).href
    )) as typeof import('../../src/lib/index.ts');
    const token = await lib.mintCozeToken({
      appId,
      publicKeyId: kid,
      privateKey: keys.pkcs8,
      baseUrl: standIn.url,
      verify: true,
    });
    expect(standIn.issued.has(token.token)).toBe(true);
    await expect(
      lib.mintCozeToken({ appId, publicKeyId: 'nope', privateKey: keys.pkcs8, baseUrl: standIn.url }),
    ).rejects.toBeInstanceOf(lib.CozeError);
    await expect(
      lib.mintCozeToken({ appId, publicKeyId: kid, privateKey: keys.pkcs8, durationSeconds: 0 }),
    ).rejects.toBeInstanceOf(lib.InputError);
    await expect(
      lib.mintCozeToken({ appId, publicKeyId: kid, privateKey: keys.pkcs8, baseUrl: 'http://127.0.0.1:9', retries: 0 }),
    ).rejects.toBeInstanceOf(lib.NetworkError);
  });

  it('mints for the options given, whatever a polluted Object.prototype holds: nothing reaches the polluter', async () => {
    const evil = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
    try {
      // Not verify: Node's own WebCrypto reads that name from plain objects, and breaks before any library would.
      const pollution = {
        baseUrl: evil.url,
        audience: 'evil',
        sessionName: 'evil',
        accountId: '1',
        scope: 'x',
        durationSeconds: 11,
        retries: 'x',
      };
      const options = { appId, publicKeyId: kid, privateKey: keys.pkcs8 };
      const script = [
        `const lib = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/lib/index.js')).href)});`,
        `for (const [k, v] of Object.entries(${JSON.stringify(pollution)})) Object.prototype[k] = v;`,
        "Object.prototype.log = () => console.log('told');",
        `const options = { ...${JSON.stringify(options)}, baseUrl: process.env.BASE };`,
        'const minted = await lib.mintCozeToken(options);',
        'const fromSource = await lib.cozeTokenSource(options)();',
        'console.log(JSON.stringify({ expiresIn: minted.expiresIn, same: fromSource.length > 0 }));',
      ].join('\n');
      const run = await spawnNode(process.execPath, ['--input-type=module', '-e', script], { BASE: standIn.url });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({ same: true });
      expect((JSON.parse(run.stdout) as { expiresIn: number }).expiresIn).toBeGreaterThan(800);
      const claims = standIn.requests.at(-1)?.claims as Record<string, unknown>;
      expect([claims.aud, claims.session_name]).toEqual(['127.0.0.1', undefined]);
      expect(evil.requests).toEqual([]);
    } finally {
      await evil.close();
    }
  });

  it('reads only the variables its environment holds: a polluted Object.prototype steers no coze-token command', async () => {
    const evil = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
    try {
      const config = { client_type: 'jwt', client_id: appId, public_key_id: kid, coze_api_base: evil.url };
      const pollution = {
        COZE_OAUTH_CONFIG: JSON.stringify({ ...config, private_key: keys.pkcs8 }),
        HTTP_PROXY: evil.url,
        http_proxy: evil.url,
      };
      const preload = join(dir, 'pollute.mjs');
      writeFileSync(preload, `Object.assign(Object.prototype, ${JSON.stringify(pollution)});\n`);
      const command = ['--import', pathToFileURL(preload).href, join(ROOT, 'dist/cli/index.js'), 'mint', '--json'];
      const run = await spawnNode(process.execPath, [...command, ...flags()]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(standIn.issued.has((JSON.parse(run.stdout) as { token: string }).token)).toBe(true);
      expect(evil.requests).toEqual([]);
    } finally {
      await evil.close();
    }
  });

  const importScript = (then: string) =>
    `import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/lib/index.js')).href)}).then(${then}, (e) => console.log('caught', e instanceof Error, e.message)).then(() => console.log('host alive'))`;

  it('mints from the built entry on a real Node 22', async () => {
    const options = { appId, publicKeyId: kid, privateKey: keys.pkcs8, baseUrl: standIn.url, verify: true };
    const run = await spawnNode(node22(), [
      '--input-type=module',
      '-e',
      importScript(`(lib) => lib.mintCozeToken(${JSON.stringify(options)}).then((t) => console.log(t.token))`),
    ]);
    expect(run.code).toBe(0);
    const [token, alive] = run.stdout.trim().split('\n');
    expect(standIn.issued.has(token as string)).toBe(true);
    expect(alive).toBe('host alive');
  });

  it('throws a catchable Error when imported on a Node older than 22.19, and leaves its host running', async () => {
    const run = await spawnNode(process.execPath, [
      '--import',
      pathToFileURL(pretendOld).href,
      '--input-type=module',
      '-e',
      importScript("() => console.log('loaded')"),
    ]);
    expect(run).toEqual({
      code: 0,
      stdout:
        'caught true coze-token-action needs Node.js 22.19 or later; this is Node.js 20.20.2. ' +
        `${INSTALL_NEWER_NODE}\nhost alive\n`,
      stderr: '',
    });
  });

  it.skipIf(!old)(`throws the same on this machine's own old Node (${old ?? 'none found'})`, async () => {
    const run = await spawnNode(old as string, [
      '--input-type=module',
      '-e',
      importScript("() => console.log('loaded')"),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^caught true coze-token-action needs Node\.js 22\.19 or later; this is Node\.js v?[12]\d\.\d+\.\d+\. /,
    );
    expect(run.stdout.endsWith(`${INSTALL_NEWER_NODE}\nhost alive\n`)).toBe(true);
  });
});
