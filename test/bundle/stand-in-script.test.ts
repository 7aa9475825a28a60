// `npm run stand-in`: the stand-in in the foreground for trying things by hand. What it prints is pasted as it is:
// its .env lines into GitHub's local-action, its command line into a shell whose own node is too old (it names
// the project's Node by its path); Ctrl-C ends it cleanly.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';
import { childEnv, type NodeRun, spawnCollecting } from '../support/spawn-node.ts';

const dir = mkdtempSync(join(tmpdir(), 'coze-stand-in-script-'));
let child: ChildProcessWithoutNullStreams;
let stdout = '';
let exited: Promise<number | null>;

/** Resolves once the stand-in's stdout matches, within 20 s. */
async function printed(pattern: RegExp): Promise<RegExpExecArray> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    const match = pattern.exec(stdout);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the stand-in did not print ${pattern}; it printed:\n${stdout}`);
}

beforeAll(async () => {
  child = spawn(process.execPath, [join(ROOT, 'scripts/stand-in.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...(process.env.SYSTEMROOT && { SYSTEMROOT: process.env.SYSTEMROOT }) },
  });
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  exited = new Promise((resolve) => child.on('exit', resolve));
  await printed(COMMAND_LINE);
});
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI's command line as printed: whatever runs it, then the built CLI, check and its flags. */
const COMMAND_LINE = /^.*dist[/\\]cli[/\\]index\.js"? check .*$/m;

/** A folder whose `node` is too old for the CLI, put first on PATH, as on a machine with Node 20. */
const oldNodeFolder = join(dir, 'old-node');
mkdirSync(oldNodeFolder);
if (process.platform === 'win32')
  writeFileSync(join(oldNodeFolder, 'node.cmd'), '@echo v20.0.0 is too old 1>&2\r\n@exit /b 86\r\n');
else writeFileSync(join(oldNodeFolder, 'node'), '#!/bin/sh\necho "v20.0.0 is too old" >&2\nexit 86\n', { mode: 0o755 });

/** The line run by a shell as a user pastes it, from the repository's root, with that old node first on PATH. */
function runAsPrinted(line: string): Promise<NodeRun> {
  const path = `${oldNodeFolder}${delimiter}${process.env.PATH ?? ''}`;
  return spawnCollecting(line, [], { cwd: ROOT, shell: true, env: childEnv({}, path) });
}

const url = () => /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] as string;

describe('npm run stand-in', () => {
  it('is the npm script, on the project’s Node', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['stand-in']).toBe('node scripts/stand-in.ts');
  });

  /** The blocks of INPUT_ lines the stand-in prints, each a whole .env. */
  const envBlocks = () =>
    stdout
      .split('\n\n')
      .map((block) => block.split('\n').filter((line) => line.startsWith('INPUT_')))
      .filter((lines) => lines.length > 0);

  it('prints two .env blocks: the three credentials, or the console config file alone', () => {
    const [separate, file] = envBlocks();
    expect(separate?.map((line) => line.split('=')[0])).toEqual([
      'INPUT_APP-ID',
      'INPUT_PUBLIC-KEY-ID',
      'INPUT_PRIVATE-KEY',
      'INPUT_BASE-URL',
      'INPUT_VERIFY',
    ]);
    expect(separate?.[2]).toMatch(
      /^INPUT_PRIVATE-KEY="-----BEGIN PRIVATE KEY-----\\n[^"\s]+\\n-----END PRIVATE KEY-----"$/,
    );
    expect(file?.map((line) => line.split('=')[0])).toEqual(['INPUT_OAUTH-CONFIG', 'INPUT_VERIFY']);
    expect(file?.[0]).toMatch(/^INPUT_OAUTH-CONFIG='\{"client_type":"jwt",.*\}'$/);
  });

  it.each([0, 1])('prints .env lines that npm run local-action mints with (block %i)', async (block) => {
    const lines = envBlocks()[block] as string[];
    const envFile = join(dir, `.env.${block}`);
    writeFileSync(envFile, `${lines.join('\n')}\n`);
    const bin = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');
    const path = [dirname(process.execPath), join(ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter);
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const localAction = spawn(process.execPath, [bin, 'run', '.', 'src/main.ts', envFile], {
        cwd: ROOT,
        env: {
          PATH: path,
          ...(process.env.SYSTEMROOT && { SYSTEMROOT: process.env.SYSTEMROOT }),
          NO_COLOR: '1',
          HOME: dir,
          USERPROFILE: dir,
        },
      });
      let output = '';
      localAction.stdout.on('data', (chunk: Buffer) => (output += chunk));
      localAction.stderr.on('data', (chunk: Buffer) => (output += chunk));
      localAction.on('close', (code) => resolve({ code, output }));
    });
    expect(run.output).toMatch(/Minted a Coze access token for app [0-9a-f]{8} on 127\.0\.0\.1:\d+/);
    expect(run.output).toMatch(/::set-output name=verified::true/);
    expect(run.output).not.toMatch(/::error::/);
  });

  it('prints a command line that checks as printed, in a shell whose own node is too old, and prints each refusal in Coze’s words', async () => {
    const line = (await printed(COMMAND_LINE))[0];
    expect(line).toContain(' --private-key-file ');
    // The stub is what a bare `node` finds.
    expect((await runAsPrinted('node --version')).code).toBe(86);
    const check = await runAsPrinted(line);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^Verification +✅/m);
    const wrong = await runAsPrinted(line.replace(/ stand-in-[0-9a-f]+ /, ' deleted-kid '));
    expect(wrong.code).toBe(1);
    expect((await printed(/^refused \/api\/permission\/oauth2\/token: .*$/m))[0]).toBe(
      'refused /api/permission/oauth2/token: invalid jwt: kid not been registred',
    );
  });

  // Windows has no SIGINT to send another process: kill() there ends it at once.
  it.skipIf(process.platform === 'win32')(
    'stops on Ctrl-C (SIGINT): the port closed, its key file gone, exit code 0',
    async () => {
      const keyFile = (/ --private-key-file ("[^"]+"|\S+)/.exec(stdout)?.[1] ?? '').replace(/^"(.*)"$/, '$1');
      expect(existsSync(keyFile)).toBe(true);
      const { port } = new URL(url());
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/Coze stand-in stopped\.\n$/);
      expect(existsSync(keyFile)).toBe(false);
      const refused = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => resolve('connected'));
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');
    },
  );
});
