// The package as people install it: `npm pack` (what release.yml attaches to a release), installed with
// `npm install -g <tarball>` into a temporary prefix, offline (dist/ is self-contained: it needs nothing else),
// then the installed coze-token and the installed library run on Node 24 and on a real Node 22.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { makeRsaKeys } from '../support/keys.ts';
import { node22 } from '../support/node22.ts';
import { ROOT } from '../support/paths.ts';
import { spawnNode } from '../support/spawn-node.ts';

const keys = makeRsaKeys();
const appId = '7433333333333';
const kid = 'package-kid';
const dir = mkdtempSync(join(tmpdir(), 'coze-package-'));
const prefix = join(dir, 'global');
let standIn: CozeStandIn;

/** npm itself, as the running npm script found it, or from PATH. */
function npm(args: string[], cwd: string): string {
  const viaNode = process.env.npm_execpath?.endsWith('.js');
  const [command, commandArgs] = viaNode ? [process.execPath, [process.env.npm_execpath as string, ...args]] : ['npm', args];
  return execFileSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    shell: !viaNode && process.platform === 'win32',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
}

let installed: string;
beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
  npm(['pack', '--pack-destination', dir, '--silent'], ROOT);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz')) as string;
  npm(['install', '--global', '--prefix', prefix, '--offline', join(dir, tarball)], dir);
  const modules = process.platform === 'win32' ? join(prefix, 'node_modules') : join(prefix, 'lib', 'node_modules');
  installed = join(modules, 'coze-token-action');
}, 60_000);
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds dist/ with its third-party notices, action.yml, README and LICENSE, and no sources or tests', () => {
    const files = JSON.parse(npm(['pack', '--dry-run', '--json', '--silent'], ROOT))[0].files.map((file: { path: string }) => file.path) as string[];
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'action.yml',
        'package.json',
        'dist/index.js',
        'dist/cli/index.js',
        'dist/lib/index.js',
        'dist/types/src/lib.d.ts',
        'dist/THIRD-PARTY-NOTICES.txt',
      ]),
    );
    expect(files.filter((file) => /^(src|test|scripts|tools)\//.test(file))).toEqual([]);
  });

  for (const [name, node] of [
    ['Node 24', () => process.execPath],
    ['Node 22', node22],
  ] as const) {
    it(`installs offline, and the installed coze-token and library mint on ${name}`, async () => {
      const cli = join(installed, 'dist/cli/index.js');
      const minted = await spawnNode(
        node(),
        [cli, 'mint', '--app-id', appId, '--public-key-id', kid, '--private-key', '-', '--base-url', standIn.url],
        {},
        keys.pkcs8,
      );
      expect(minted.code, minted.stderr).toBe(0);
      expect(standIn.issued.has(minted.stdout.trim())).toBe(true);
      const options = JSON.stringify({ appId, publicKeyId: kid, privateKey: keys.pkcs8, baseUrl: standIn.url });
      const script = `const { cozeTokenSource } = await import(${JSON.stringify(pathToFileURL(join(installed, 'dist/lib/index.js')).href)}); console.log(await cozeTokenSource(${options})());`;
      const library = await spawnNode(node(), ['--input-type=module', '-e', script]);
      expect(standIn.issued.has(library.stdout.trim())).toBe(true);
    });
  }

  it('puts coze-token on the PATH of the prefix', () => {
    const bins = readdirSync(process.platform === 'win32' ? prefix : join(prefix, 'bin'));
    expect(bins).toContain(process.platform === 'win32' ? 'coze-token.cmd' : 'coze-token');
  });
});
