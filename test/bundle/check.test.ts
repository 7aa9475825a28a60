// The reusable workflow: its step's `with:` block evaluated as the runner would for a caller (with GitHub's own
// expression evaluator, test/support/reusable-workflow.ts), then run through dist/index.js against the stand-in
// (and a fake GitHub API for issue-on-failure). test/reusable-workflow.test.ts checks its inputs, runs-on and timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.ts';
import { makeRsaKeys } from '../support/keys.ts';
import { leaksIn } from '../support/leaks.ts';
import { actionInputs, call, job, type Value, workflow } from '../support/reusable-workflow.ts';
import { commands, leakSurface, runAction } from '../support/run-action.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7412345678901', 'check-kid');
let github: FakeGitHub;

beforeAll(async () => {
  github = await startFakeGitHub('octo/coze-app');
});
afterAll(async () => {
  await github.close();
});

const githubToken = 'ghs_reusableWorkflowToken0000000000';
const stepInputs = (secrets: Record<string, string>, given: Record<string, Value> = {}) =>
  actionInputs(given, secrets, githubToken);

describe('the reusable workflow', () => {
  it('takes the config file or the three credentials as secrets, and a github-token if the caller has one, verifies by default, and exposes no token', () => {
    expect(Object.entries(call.secrets).map(([name, spec]) => [name, spec.required])).toEqual([
      ['oauth-config', false],
      ['app-id', false],
      ['public-key-id', false],
      ['private-key', false],
      ['github-token', false],
    ]);
    expect(Object.keys(call.outputs).sort()).toEqual(['expires-at', 'verified']);
    expect(JSON.stringify(job.outputs)).not.toMatch(/token\b(?!-)/);
    expect(call.inputs.verify?.default).toBe(true);
  });

  it('asks for no permissions itself: the caller grants them (none, or issues: write to opt in)', () => {
    expect(workflow.permissions).toBeUndefined();
    expect(job.permissions).toBeUndefined();
    expect(call.inputs['issue-on-failure']?.default).toBe(false);
  });

  it("runs the action's step end to end against the stand-in", async () => {
    const secrets = { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs1 };
    const run = await runAction(stepInputs(secrets, { 'base-url': standIn.url, 'session-name': 'scheduled' }));
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(Date.parse(run.outputs['expires-at'] as string)).toBeGreaterThan(Date.now());
    expect(standIn.requests.findLast((r) => r.claims)?.claims).toMatchObject({ session_name: 'scheduled' });
    expect(leaksIn(leakSurface(run), { pems: [keys.pkcs1], standIn })).toEqual([]);
  });

  it('fails the run for a revoked key', async () => {
    const secrets = { 'app-id': appId, 'public-key-id': kid, 'private-key': makeRsaKeys().pkcs8 };
    const run = await runAction(stepInputs(secrets, { 'base-url': standIn.url }));
    expect(run.code).toBe(1);
    expect(commands(run.stdout, 'error')).toEqual([
      expect.stringMatching(/Coze refused the token request: JWT rejected.*HTTP 401/),
    ]);
    expect(run.outputs).toEqual({});
  });

  it('opens an issue only when the caller opts in', async () => {
    const secrets = { 'app-id': appId, 'public-key-id': 'deleted-kid', 'private-key': keys.pkcs8 };
    const runner = { GITHUB_REPOSITORY: 'octo/coze-app', GITHUB_RUN_ID: '9', GITHUB_API_URL: github.url };
    const plain = await runAction(stepInputs(secrets, { 'base-url': standIn.url }), runner);
    expect(plain.code).toBe(1);
    expect(github.requests).toEqual([]);
    const opted = await runAction(stepInputs(secrets, { 'base-url': standIn.url, 'issue-on-failure': true }), runner);
    expect(opted.code).toBe(1);
    expect(github.issues).toHaveLength(1);
    expect(github.requests.every((r) => r.authorization === `token ${githubToken}`)).toBe(true);
    // The caller's own token (an app's, a bot's), when it passes one, opens and comments instead of the job's.
    const before = github.requests.length;
    const callerToken = 'ghs_callerAppToken00000000000000000000';
    const withToken = await runAction(
      stepInputs({ ...secrets, 'github-token': callerToken }, { 'base-url': standIn.url, 'issue-on-failure': true }),
      runner,
    );
    expect(withToken.code).toBe(1);
    expect(github.requests.length).toBeGreaterThan(before);
    expect(github.requests.slice(before).every((r) => r.authorization === `token ${callerToken}`)).toBe(true);
    // Only ever as the runner's mask of it.
    expect(withToken.stdout.split('\n').filter((line) => line.includes(callerToken))).toEqual([
      `::add-mask::${callerToken}`,
    ]);
  });
});
