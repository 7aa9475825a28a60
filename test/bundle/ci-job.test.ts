// The CI job that runs the action with `uses: ./` (ci.yml, job "action"), played here: scripts/stand-in.ts
// starts the stand-in and writes its settings to GITHUB_ENV, then dist/index.js runs with them as inputs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, parseFileCommands, ROOT, runAction } from '../support/run-action.ts';

const dir = mkdtempSync(join(tmpdir(), 'coze-ci-job-'));
const githubEnv = join(dir, 'github-env');
writeFileSync(githubEnv, '');
const started = execFileSync(process.execPath, [join(ROOT, 'scripts/stand-in.ts'), 'start', join(dir, 'stand-in')], {
  env: {
    PATH: process.env.PATH ?? '',
    GITHUB_ENV: githubEnv,
    ...(process.env.SYSTEMROOT && { SYSTEMROOT: process.env.SYSTEMROOT }),
  },
  encoding: 'utf8',
});
const pid = Number(/\(pid (\d+)\)/.exec(started)?.[1]);
const env = parseFileCommands(readFileSync(githubEnv, 'utf8'));

afterAll(() => {
  process.kill(pid);
  rmSync(dir, { recursive: true, force: true });
});

describe("ci.yml's uses: ./ job", () => {
  it('the stand-in script hands the job a loopback URL, an app, a kid and two keys', () => {
    expect(Object.keys(env).sort()).toEqual([
      'STAND_IN_APP_ID',
      'STAND_IN_KID',
      'STAND_IN_OTHER_KEY',
      'STAND_IN_PRIVATE_KEY',
      'STAND_IN_URL',
    ]);
    expect(env.STAND_IN_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.STAND_IN_PRIVATE_KEY).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----$/);
  });

  it('mints and verifies with those settings, the token masked first', async () => {
    const run = await runAction({
      'app-id': env.STAND_IN_APP_ID!,
      'public-key-id': env.STAND_IN_KID!,
      'private-key': env.STAND_IN_PRIVATE_KEY!,
      'base-url': env.STAND_IN_URL!,
      verify: 'true',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.token).toMatch(/^czs_/);
    expect(run.outputs['expires-at']).toMatch(/^20\d\d-/);
    expect(run.outputs.verified).toBe('true');
    expect(commands(run.stdout, 'add-mask')).toContain(run.outputs.token);
  });

  it('fails with the other key, sets no token, and the stand-in logs its refusal', async () => {
    const run = await runAction({
      'app-id': env.STAND_IN_APP_ID!,
      'public-key-id': env.STAND_IN_KID!,
      'private-key': env.STAND_IN_OTHER_KEY!,
      'base-url': env.STAND_IN_URL!,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.token).toBeUndefined();
    expect(commands(run.stdout, 'error').join('\n')).toMatch(/^Coze refused the token request: JWT rejected/);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(readFileSync(join(dir, 'stand-in/refusals.log'), 'utf8')).toMatch(/JWT rejected/);
  });
});
