// The reusable workflow: its step's `with:` block evaluated as the runner would for a caller, then run through
// dist/index.js against the stand-in (and a fake GitHub API for issue-on-failure).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.ts';
import { makeRsaKeys } from '../support/keys.ts';
import { leaksIn } from '../support/leaks.ts';
import { ROOT } from '../support/paths.ts';
import { commands, leakSurface, runAction } from '../support/run-action.ts';

const keys = makeRsaKeys();
const appId = '7412345678901';
const kid = 'check-kid';
let standIn: CozeStandIn;
let github: FakeGitHub;

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
  github = await startFakeGitHub('octo/coze-app');
});
afterAll(async () => {
  await standIn.close();
  await github.close();
});

type Step = { id?: string; uses?: string; with?: Record<string, unknown> };
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/coze-token-check.yml'), 'utf8')) as {
  permissions?: unknown;
  on: {
    workflow_call: {
      inputs: Record<string, { default?: unknown }>;
      secrets: Record<string, { required: boolean }>;
      outputs: Record<string, { value: string }>;
    };
  };
  jobs: { check: { 'runs-on': string; 'timeout-minutes': number; permissions?: unknown; outputs: Record<string, string>; steps: Step[] } };
};
const call = workflow.on.workflow_call;
const job = workflow.jobs.check;
const step = job.steps.find((s) => s.uses?.includes('coze-token-action')) as Step;
const githubToken = 'ghs_reusableWorkflowToken0000000000';

/** Evaluates the ${{ inputs.x }} / ${{ secrets.x }} / ${{ github.token }} the step passes, as the runner would. */
function stepInputs(secrets: Record<string, string>, given: Record<string, string> = {}): Record<string, string> {
  const contexts: Record<string, Record<string, string>> = {
    inputs: Object.fromEntries(Object.entries(call.inputs).map(([name, spec]) => [name, given[name] ?? String(spec.default ?? '')])),
    secrets,
    github: { token: githubToken },
  };
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([name, value]) => [
      name,
      String(value).replace(/\$\{\{\s*(inputs|secrets|github)\.([\w-]+)\s*\}\}/g, (_, context: string, key: string) => {
        const found = contexts[context]?.[key];
        if (found === undefined) throw new Error(`${context}.${key} is not defined by the workflow`);
        return found;
      }),
    ]),
  );
}

/** runs-on as the runner reads it: fromJSON(inputs.runs-on). */
function runsOn(given: string | undefined): unknown {
  const expression = /^\$\{\{\s*fromJSON\(inputs\.runs-on\)\s*\}\}$/.exec(job['runs-on']);
  expect(expression).not.toBeNull();
  return JSON.parse(given ?? String(call.inputs['runs-on']?.default));
}

describe('the reusable workflow', () => {
  it('takes the documented inputs and secrets, verifies, and exposes no token', () => {
    expect(Object.keys(call.inputs).sort()).toEqual(['base-url', 'duration-seconds', 'issue-on-failure', 'runs-on', 'session-name']);
    expect(Object.entries(call.secrets).map(([name, spec]) => [name, spec.required])).toEqual([
      ['app-id', true],
      ['public-key-id', true],
      ['private-key', true],
    ]);
    expect(Object.keys(call.outputs).sort()).toEqual(['expires-at', 'verified']);
    expect(JSON.stringify(job.outputs)).not.toMatch(/token\b(?!-)/);
    expect(step.with?.verify).toBe(true);
  });

  it('asks for no permissions itself: the caller grants them (none, or issues: write to opt in)', () => {
    expect(workflow.permissions).toBeUndefined();
    expect(job.permissions).toBeUndefined();
    expect(call.inputs['issue-on-failure']?.default).toBe(false);
  });

  it('runs on ubuntu-latest unless the caller names other runners as JSON', () => {
    expect(runsOn(undefined)).toBe('ubuntu-latest');
    expect(runsOn('["self-hosted", "linux"]')).toEqual(['self-hosted', 'linux']);
  });

  it("keeps the job's timeout above the step's deadline, so the step always ends first", () => {
    const deadline = Number(step.with?.['deadline-seconds']);
    expect(deadline).toBeGreaterThan(0);
    expect(job['timeout-minutes'] * 60).toBeGreaterThan(deadline + 30);
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
    expect(commands(run.stdout, 'error')).toEqual([expect.stringMatching(/Coze refused the token request: JWT rejected.*HTTP 401/)]);
    expect(run.outputs).toEqual({});
  });

  it('opens an issue only when the caller opts in', async () => {
    const secrets = { 'app-id': appId, 'public-key-id': 'deleted-kid', 'private-key': keys.pkcs8 };
    const runner = { GITHUB_REPOSITORY: 'octo/coze-app', GITHUB_RUN_ID: '9', GITHUB_API_URL: github.url };
    const plain = await runAction(stepInputs(secrets, { 'base-url': standIn.url }), runner);
    expect(plain.code).toBe(1);
    expect(github.requests).toEqual([]);
    const opted = await runAction(stepInputs(secrets, { 'base-url': standIn.url, 'issue-on-failure': 'true' }), runner);
    expect(opted.code).toBe(1);
    expect(github.issues).toHaveLength(1);
    expect(github.requests.every((r) => r.authorization === `token ${githubToken}`)).toBe(true);
  });
});
