// GitHub's own local runner, @github/local-action, as a client: `npm run local-action` runs src/main.ts with
// its stand-in of @actions/core and an .env file of inputs, here against the Coze stand-in.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leaksIn } from '../support/leaks.ts';
import { ROOT } from '../support/paths.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7488888888888', 'local-action-kid');
const dir = mkdtempSync(join(tmpdir(), 'coze-local-action-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

function localAction(envFile: string): Promise<{ code: number | null; output: string }> {
  const bin = join(ROOT, 'node_modules/@github/local-action/bin/local-action.js');
  const path = [dirname(process.execPath), join(ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter);
  const child = spawn(process.execPath, [bin, 'run', '.', 'src/main.ts', envFile], {
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
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

function envFile(name: string, inputs: Record<string, string>): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    Object.entries(inputs)
      .map(([input, value]) => `INPUT_${input.toUpperCase()}="${value.trim()}"\n`)
      .join(''),
  );
  return file;
}

describe('npm run local-action (GitHub’s @github/local-action)', () => {
  it('mints and verifies against the stand-in through src/main.ts, printing no secret', async () => {
    const file = envFile('.env', {
      'app-id': appId,
      'public-key-id': kid,
      'private-key': keys.pkcs8,
      'base-url': standIn.url,
      verify: 'true',
    });
    const run = await localAction(file);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Minted a Coze access token for app [0-9a-f]{8} on 127\.0\.0\.1:\d+/);
    expect(run.output).toMatch(/::set-output name=verified::true/);
    expect(run.output).toMatch(/::set-output name=expires-in::\d+/);
    expect(standIn.issued.size).toBe(1);
    const usersMe = standIn.requests.filter((request) => request.path === '/v1/users/me');
    expect(usersMe).toHaveLength(1);
    expect(standIn.issued.has(/^Bearer (.+)$/.exec(usersMe[0]?.headers.authorization ?? '')?.[1] ?? '')).toBe(true);
    expect(leaksIn(run.output, { pems: [keys.pkcs8], standIn })).toEqual([]);
  });

  it('fails the step with Coze’s words for a key Coze does not know', async () => {
    const file = envFile('.env.wrong', {
      'app-id': appId,
      'public-key-id': 'not-registered',
      'private-key': keys.pkcs8,
      'base-url': standIn.url,
    });
    const run = await localAction(file);
    expect(run.output).toMatch(/::error::Coze refused the token request: invalid jwt: kid not been registred/);
    expect(leaksIn(run.output, { pems: [keys.pkcs8], standIn })).toEqual([]);
  });

  it('documents every input of action.yml in .env.example', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const inputs = [
      ...readFileSync(join(ROOT, 'action.yml'), 'utf8')
        .split(/^outputs:/m)[0]!
        .matchAll(/^ {2}([a-z-]+):$/gm),
    ].map((match) => match[1]!);
    expect(inputs.length).toBeGreaterThan(15);
    for (const input of inputs) expect(example, input).toMatch(new RegExp(`^#? ?INPUT_${input.toUpperCase()}=`, 'm'));
    expect(example).toMatch(/^ACTIONS_STEP_DEBUG=/m);
  });
});

describe('src/main.ts', () => {
  it('does nothing when imported, and exports run()', async () => {
    const before = standIn.requests.length;
    const main = await import('../../src/main.ts');
    expect(typeof main.run).toBe('function');
    expect(standIn.requests.length).toBe(before);
  });
});
