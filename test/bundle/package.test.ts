// The package as people install it: `npm pack` (the tarball release.yml attests, attaches to the release and
// publishes to npm), installed with `npm install <tarball>` into a scratch project, offline (dist/ is
// self-contained: it needs nothing else), then loaded with require() and with import, and its coze-token run from
// node_modules/.bin, on Node 24 and on a real Node 22. It holds what its users need, and its README's links resolve.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepository } from '../../scripts/repository.ts';
import { brokenLinks } from '../support/markdown.ts';
import { node22 } from '../support/node22.ts';
import { ROOT } from '../support/paths.ts';
import { childEnv, type NodeRun, spawnCollecting, spawnNode } from '../support/spawn-node.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7433333333333', 'package-kid');
const dir = mkdtempSync(join(tmpdir(), 'coze-package-'));
const project = join(dir, 'scratch');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  name: string;
};

/** npm itself, as the running npm script found it, or from PATH. */
function npm(args: string[], cwd: string, env: Record<string, string> = {}): string {
  const viaNode = process.env.npm_execpath?.endsWith('.js');
  const [command, commandArgs] = viaNode
    ? [process.execPath, [process.env.npm_execpath as string, ...args]]
    : ['npm', args];
  return execFileSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    shell: !viaNode && process.platform === 'win32',
    // Without this process's own PATH under another spelling (Windows' Path) when env brings one.
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !(env.PATH && name.toUpperCase() === 'PATH')),
      ),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      ...env,
    },
  });
}

beforeAll(async () => {
  npm(['pack', '--pack-destination', dir, '--silent'], ROOT);
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz')) as string;
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', version: '0.0.0', private: true }));
  npm(['install', '--offline', join(dir, tarball)], project);
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/** The installed coze-token, run from node_modules/.bin as npx and npm scripts run it, with this Node first on PATH. */
function installedCli(node: string, args: string[], stdin = ''): Promise<NodeRun> {
  const windows = process.platform === 'win32';
  const bin = join(project, 'node_modules', '.bin', windows ? 'coze-token.cmd' : 'coze-token');
  return spawnCollecting(
    bin,
    args,
    { cwd: project, shell: windows, env: childEnv({}, `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`) },
    stdin,
  );
}

describe('the npm package', () => {
  it("is published as @<owner>/coze-token-action, public, with provenance, its bin coze-token, its repository in npm's own form", () => {
    const { owner, name } = readRepository(ROOT);
    expect(manifest.name).toBe(`@${owner.toLowerCase()}/${name}`);
    expect(manifest.private).toBeUndefined();
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
    expect(manifest.bin).toEqual({ 'coze-token': 'dist/cli/index.js' });
    // The form npm itself writes, so that it publishes it as it is, and its provenance check finds this repository.
    expect(manifest.repository).toEqual({ type: 'git', url: `git+https://github.com/${owner}/${name}.git` });
  });

  it("holds the library, the CLI, their types and notices, README, LICENSE and CHANGELOG, and nothing of the action's", () => {
    const files = JSON.parse(npm(['pack', '--dry-run', '--json', '--silent'], ROOT))[0].files.map(
      (file: { path: string }) => file.path,
    ) as string[];
    const types = (manifest.exports as Record<string, { types: string }>)['.']?.types.replace(/^\.\//, '');
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'package.json',
        'dist/cli/index.js',
        'dist/lib/index.js',
        types,
        'dist/THIRD-PARTY-NOTICES.txt',
      ]),
    );
    // Not the action's bundle (dist/index.js, its chunks and their package.json) nor action.yml, sources or tests.
    expect(
      files.filter(
        (file) =>
          !/^(dist\/(lib|cli|types)\/.+|dist\/THIRD-PARTY-NOTICES\.txt|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(
            file,
          ),
      ),
    ).toEqual([]);
    expect(files).not.toContain('dist/index.js');
  });

  it('links its README only to what it holds, or to the repository by absolute links', () => {
    const installed = join(project, 'node_modules', manifest.name);
    expect(readFileSync(join(installed, 'README.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    expect(brokenLinks(installed, ['README.md'])).toEqual([]);
    // The check bites: the README's own links to docs/, relative, would not resolve inside the package.
    const { owner, name } = readRepository(ROOT);
    const relative = join(dir, 'relative');
    mkdirSync(relative);
    writeFileSync(
      join(relative, 'README.md'),
      readFileSync(join(installed, 'README.md'), 'utf8').replaceAll(
        `https://github.com/${owner}/${name}/blob/main/`,
        '',
      ),
    );
    expect(brokenLinks(relative, ['README.md'])).toEqual(
      expect.arrayContaining([expect.stringMatching(/^README\.md:\d+: docs\/cli-and-library\.md.* \(no such file\)$/)]),
    );
  });

  it('runs in a clone as npm run coze-token, on the project’s Node', () => {
    expect(npm(['run', '--silent', 'coze-token', '--', '--version'], ROOT)).toBe(`${manifest.version}\n`);
  });

  it("builds the library without top-level await: dist/lib holds no webpack async module, which is how a bundle's await shows", () => {
    const files = readdirSync(join(ROOT, 'dist/lib')).filter((name) => name.endsWith('.js'));
    expect(files).toEqual(['index.js']);
    expect(readFileSync(join(ROOT, 'dist/lib/index.js'), 'utf8')).not.toContain('webpack queues');
    // The check bites: the action's entry awaits its run, and its bundle shows it.
    expect(readFileSync(join(ROOT, 'dist/index.js'), 'utf8')).toContain('webpack queues');
  });

  it('installs offline into a project, with coze-token in node_modules/.bin', () => {
    const installed = JSON.parse(
      readFileSync(join(project, 'node_modules', manifest.name, 'package.json'), 'utf8'),
    ) as { name: string };
    expect(installed.name).toBe(manifest.name);
    expect(readdirSync(join(project, 'node_modules/.bin'))).toContain(
      process.platform === 'win32' ? 'coze-token.cmd' : 'coze-token',
    );
  });

  it('runs as npx <name>: npx picks coze-token, the only bin, and passes the arguments on', () => {
    const path = `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
    expect(npm(['exec', '--offline', '--', manifest.name, '--version'], project, { PATH: path })).toBe(
      `${manifest.version}\n`,
    );
  });

  const options = () => JSON.stringify({ appId, publicKeyId: kid, privateKey: keys.pkcs8, baseUrl: standIn.url });
  const script = (load: string) =>
    `${load}.then(async (lib) => { console.log(Object.keys(lib).sort().join()); console.log(await lib.cozeTokenSource(${options()})()); })`;

  for (const [label, node] of [
    ['Node 24', () => process.execPath],
    ['Node 22', node22],
  ] as const) {
    it(`loads with require() on ${label}, without top-level await in the way`, async () => {
      const run = await spawnNode(
        node(),
        ['-e', script(`Promise.resolve(require(${JSON.stringify(manifest.name)}))`)],
        {},
        '',
        project,
      );
      expect(run.stderr).toBe('');
      const [names, token] = run.stdout.trim().split('\n');
      expect(names).toBe(
        'CozeError,EXPIRY_MARGIN_MS,InputError,NetworkError,REFRESH_RETRY_MS,cozeTokenSource,mintCozeToken,runCommandLine',
      );
      expect(standIn.issued.has(token as string)).toBe(true);
    });

    it(`loads with import on ${label}`, async () => {
      const run = await spawnNode(
        node(),
        ['--input-type=module', '-e', script(`import(${JSON.stringify(manifest.name)})`)],
        {},
        '',
        project,
      );
      expect(run.stderr).toBe('');
      const [names, token] = run.stdout.trim().split('\n');
      expect(names).toBe(
        'CozeError,EXPIRY_MARGIN_MS,InputError,NetworkError,REFRESH_RETRY_MS,cozeTokenSource,mintCozeToken,runCommandLine',
      );
      expect(standIn.issued.has(token as string)).toBe(true);
    });

    it(`runs the installed coze-token on ${label}: --version, mint and check`, async () => {
      const version = await installedCli(node(), ['--version']);
      expect(version).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
      const flags = ['--app-id', appId, '--public-key-id', kid, '--private-key', '-', '--base-url', standIn.url];
      const minted = await installedCli(node(), ['mint', ...flags], keys.pkcs8);
      expect(minted.code, minted.stderr).toBe(0);
      expect(standIn.issued.has(minted.stdout.trim())).toBe(true);
      const checked = await installedCli(node(), ['check', '--json', ...flags], keys.pkcs8);
      expect(checked.code, checked.stderr).toBe(0);
      expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, verification: 'accepted' });
      expect(`${checked.stdout}${checked.stderr}`).not.toContain(keys.pkcs8.split('\n')[1]);
    });
  }
});
