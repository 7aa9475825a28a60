// `npm run stand-in`: the stand-in in the foreground for trying things by hand. What it prints is pasted as it is:
// its .env lines into GitHub's local-action, its command line into the built CLI; Ctrl-C ends it cleanly.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';
import { spawnNode } from '../support/spawn-node.ts';

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
  await printed(/^node dist\/cli\/index\.js .*$/m);
});
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const url = () => /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] as string;

describe('npm run stand-in', () => {
  it('is the npm script, on the project’s Node', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['stand-in']).toBe('node scripts/stand-in.ts');
  });

  it('prints .env lines that npm run local-action mints with', async () => {
    const lines = stdout.split('\n').filter((line) => line.startsWith('INPUT_'));
    expect(lines.map((line) => line.split('=')[0])).toEqual(['INPUT_APP-ID', 'INPUT_PUBLIC-KEY-ID', 'INPUT_PRIVATE-KEY', 'INPUT_BASE-URL', 'INPUT_VERIFY']);
    expect(lines[2]).toMatch(/^INPUT_PRIVATE-KEY="-----BEGIN PRIVATE KEY-----\\n[^"\s]+\\n-----END PRIVATE KEY-----"$/);
    const envFile = join(dir, '.env');
    writeFileSync(envFile, `${lines.join('\n')}\n`);
    const bin = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');
    const path = [dirname(process.execPath), join(ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter);
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const localAction = spawn(process.execPath, [bin, 'run', '.', 'src/main.ts', envFile], {
        cwd: ROOT,
        env: { PATH: path, ...(process.env.SYSTEMROOT && { SYSTEMROOT: process.env.SYSTEMROOT }), NO_COLOR: '1', HOME: dir, USERPROFILE: dir },
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

  it('prints a command line that the built CLI checks with, and prints each refusal in Coze’s words', async () => {
    const line = (await printed(/^node (dist\/cli\/index\.js .*)$/m))[1] as string;
    const args = line.split(' ');
    expect(args).toContain('--private-key-file');
    const check = await spawnNode(
      process.execPath,
      args.map((arg, i) => (i === 0 ? join(ROOT, arg) : arg)),
    );
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const wrong = await spawnNode(process.execPath, [
      join(ROOT, args[0] as string),
      ...args.slice(1).map((arg) => (arg.startsWith('stand-in-') ? 'deleted-kid' : arg)),
    ]);
    expect(wrong.code).toBe(1);
    expect((await printed(/^refused \/api\/permission\/oauth2\/token: .*$/m))[0]).toBe(
      'refused /api/permission/oauth2/token: invalid jwt: kid not been registred',
    );
  });

  // Windows has no SIGINT to send another process: kill() there ends it at once.
  it.skipIf(process.platform === 'win32')('stops on Ctrl-C (SIGINT): the port closed, its key file gone, exit code 0', async () => {
    const keyFile = / --private-key-file (\S+)/.exec(stdout)?.[1] as string;
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
  });
});
