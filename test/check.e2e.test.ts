// Scheduled credential checks: verify mode and the job summary through dist/index.js, and the reusable
// workflow's step run with exactly the inputs the workflow passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCozeStandIn, type CozeStandIn } from './support/coze-stand-in.ts';
import { makeRsaKeys } from './support/keys.ts';
import { leaksIn } from './support/leaks.ts';
import { commands, leakSurface, ROOT, runAction, type ActionRun } from './support/run-action.ts';

const keys = makeRsaKeys();
const appId = '7412345678901';
const kid = 'check-kid';
let standIn: CozeStandIn;

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
});
afterAll(() => standIn.close());

const inputs = (extra: Record<string, string> = {}) => ({ 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': standIn.url, verify: 'true', ...extra });

function expectClean(run: ActionRun) {
  expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn })).toEqual([]);
  expect(leakSurface(run)).not.toMatch(/czs_/);
}

/** The summary table as name → cell text. */
function summaryTable(summary: string): Record<string, string> {
  return Object.fromEntries([...summary.matchAll(/<tr><th>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]));
}

describe('verify', () => {
  it('proves the token works with /v1/users/me and says so in the outputs and the summary', async () => {
    const run = await runAction(inputs({ 'session-name': 'nightly' }));
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
    const me = standIn.requests.at(-1);
    expect(me?.path).toBe('/v1/users/me');
    expect(me?.headers.authorization).toBe(`Bearer ${run.outputs.token}`);
    expect(me?.headers['user-agent']).toMatch(/^coze-token-action\//);
    const table = summaryTable(run.summary);
    expect(table).toMatchObject({
      Result: '✅ token minted',
      'App id': appId,
      'Base URL': standIn.url,
      Audience: '127.0.0.1',
      'Session name': 'nightly',
      Verification: '✅ /v1/users/me accepted the token',
    });
    expect(table['Token expires']?.startsWith(`${run.outputs['expires-at']} (in `)).toBe(true);
    expect(table['Token expires']).toMatch(/\(in 1[45] min( \d+ s)?\)$/);
    expect(table['Log id (x-tt-logid)']).toMatch(/STANDIN$/);
    expectClean(run);
  });

  it('fails when Coze refuses the new token (4100), with the log id and a hint', async () => {
    standIn.failUsersMe({ kind: 'status', status: 401, body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }) });
    const run = await runAction(inputs());
    expect(run.code).toBe(1);
    const errors = commands(run.stdout, 'error');
    expect(errors).toEqual([expect.stringMatching(/^Coze refused the new token in the check call to \/v1\/users\/me: authentication is invalid \(HTTP 401, code 4100, log id \w+\)\. Coze refused the new token itself/)]);
    expect(run.outputs).toEqual({ verified: 'false' });
    const table = summaryTable(run.summary);
    expect(table.Result).toBe('❌ failed');
    expect(table.Verification).toBe('❌ refused');
    expect(table.Error).toMatch(/authentication is invalid/);
    expect(table['What to do']).toMatch(/revoked/);
    expectClean(run);
  });

  it('fails when the app lacks the permission (4101), saying the token itself works', async () => {
    standIn.failUsersMe({ kind: 'status', status: 200, body: JSON.stringify({ code: 4101, msg: 'permission denied' }) });
    const run = await runAction(inputs());
    expect(run.code).toBe(1);
    expect(commands(run.stdout, 'error')).toEqual([expect.stringMatching(/permission denied \(HTTP 200, code 4101.*The token works, but the app lacks the permission/)]);
    expect(run.outputs.verified).toBe('false');
  });

  it('retries the verify call like the exchange', async () => {
    standIn.failUsersMe({ kind: 'status', status: 502, body: '<html>bad gateway</html>', headers: { 'content-type': 'text/html' } });
    const run = await runAction(inputs({ retries: '1' }));
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(run.stdout).toMatch(/Verification call to .*: HTTP 502; retrying/);
  });

  it('leaves verified unset and the verification row says so when verify is off', async () => {
    const run = await runAction(inputs({ verify: 'false' }));
    expect(run.code).toBe(0);
    expect(run.outputs).not.toHaveProperty('verified');
    expect(summaryTable(run.summary).Verification).toBe('not asked (verify: false)');
  });

  it('writes no summary with summary: false', async () => {
    const run = await runAction(inputs({ summary: 'false' }));
    expect(run.code).toBe(0);
    expect(run.summary).toBe('');
  });

  it('summarises a bad input without any value', async () => {
    const run = await runAction(inputs({ 'private-key': keys.publicKey.export({ type: 'spki', format: 'pem' }).toString() }));
    expect(run.code).toBe(1);
    const table = summaryTable(run.summary);
    expect(table.Error).toMatch(/^Input &#39;private-key&#39;: .*this is a public key/);
    expect(run.summary).not.toContain('MII');
  });

  it('refuses a non-boolean verify', async () => {
    const run = await runAction(inputs({ verify: 'yes please' }));
    expect(commands(run.stdout, 'error')).toEqual(["Input 'verify': expected true or false"]);
  });
});

describe('the reusable workflow', () => {
  type Step = { id?: string; uses?: string; with?: Record<string, unknown> };
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/coze-token-check.yml'), 'utf8')) as {
    on: { workflow_call: { inputs: Record<string, { default?: unknown }>; secrets: Record<string, { required: boolean }>; outputs: Record<string, { value: string }> } };
    jobs: { check: { 'runs-on': string; permissions: unknown; outputs: Record<string, string>; steps: Step[] } };
  };
  const call = workflow.on.workflow_call;
  const step = workflow.jobs.check.steps.find((s) => s.uses?.includes('coze-token-action')) as Step;

  /** Evaluates the ${{ inputs.x }} / ${{ secrets.x }} the step passes, as the runner would for a caller. */
  function stepInputs(secrets: Record<string, string>, given: Record<string, string> = {}): Record<string, string> {
    const contexts: Record<string, Record<string, string>> = {
      inputs: Object.fromEntries(Object.entries(call.inputs).map(([name, spec]) => [name, given[name] ?? String(spec.default ?? '')])),
      secrets,
    };
    return Object.fromEntries(
      Object.entries(step.with ?? {}).map(([name, value]) => [
        name,
        String(value).replace(/\$\{\{\s*(inputs|secrets)\.([\w-]+)\s*\}\}/g, (_, context: string, key: string) => {
          const found = contexts[context]?.[key];
          if (found === undefined) throw new Error(`${context}.${key} is not defined by the workflow`);
          return found;
        }),
      ]),
    );
  }

  it('takes the documented inputs and secrets, verifies, and exposes no token', () => {
    expect(Object.keys(call.inputs).sort()).toEqual(['base-url', 'duration-seconds', 'session-name']);
    expect(Object.entries(call.secrets).map(([name, spec]) => [name, spec.required])).toEqual([['app-id', true], ['public-key-id', true], ['private-key', true]]);
    expect(Object.keys(call.outputs).sort()).toEqual(['expires-at', 'verified']);
    expect(JSON.stringify(workflow.jobs.check.outputs)).not.toMatch(/token\b(?!-)/);
    expect(workflow.jobs.check['runs-on']).toBe('ubuntu-latest');
    expect(workflow.jobs.check.permissions).toEqual({});
    expect(step.with?.verify).toBe(true);
  });

  it("runs the action's step end to end against the stand-in", async () => {
    const secrets = { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs1 };
    const run = await runAction({ ...stepInputs(secrets, { 'base-url': standIn.url, 'session-name': 'scheduled' }) });
    expect(run.code).toBe(0);
    expect(run.outputs.verified).toBe('true');
    expect(Date.parse(run.outputs['expires-at'] as string)).toBeGreaterThan(Date.now());
    expect(standIn.requests.findLast((r) => r.claims)?.claims).toMatchObject({ session_name: 'scheduled' });
    expect(summaryTable(run.summary).Verification).toMatch(/accepted/);
  });

  it('fails the run for a revoked key', async () => {
    const replaced = makeRsaKeys();
    const secrets = { 'app-id': appId, 'public-key-id': kid, 'private-key': replaced.pkcs8 };
    const run = await runAction(stepInputs(secrets, { 'base-url': standIn.url }));
    expect(run.code).toBe(1);
    expect(commands(run.stdout, 'error')).toEqual([expect.stringMatching(/Coze refused the token request: JWT rejected.*HTTP 401/)]);
    expect(run.outputs).toEqual({});
  });

  it('fails the run when the verify call is refused', async () => {
    standIn.failUsersMe({ kind: 'status', status: 401, body: JSON.stringify({ code: 4100, msg: 'token revoked' }) });
    const secrets = { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8 };
    const run = await runAction(stepInputs(secrets, { 'base-url': standIn.url }));
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ verified: 'false' });
  });
});
