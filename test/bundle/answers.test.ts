// Coze's documented answers, the deadline, strict loopback and the check's network failure, through the built
// dist/index.js as a runner runs it: exit code, one ::error:: with Coze's words and the hint, the attempts Coze
// saw, no output, nothing secret in the log.
import { describe, expect, it } from 'vitest';
import { eachDocumentedAnswer } from '../support/documented-answers.ts';
import { leaksIn } from '../support/leaks.ts';
import { type ActionRun, commands, leakSurface, runAction } from '../support/run-action.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7300000000001', 'answers-kid');

const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  retries: '1',
  ...extra,
});

function expectOneError(run: ActionRun, pattern: RegExp, pems = [keys.pkcs8]): string {
  expect(run.code).toBe(1);
  const errors = commands(run.stdout, 'error');
  expect(errors).toEqual([expect.stringMatching(pattern)]);
  for (const name of ['token', 'expires-at', 'user-id', 'user-name']) expect(run.outputs).not.toHaveProperty(name);
  expect(leaksIn(leakSurface(run), { pems, standIn })).toEqual([]);
  return errors[0] as string;
}

describe("Coze's documented answers, through dist/", () => {
  eachDocumentedAnswer(standIn, async (answer) => {
    const run = await runAction(inputs(answer.inputs), { RUNNER_DEBUG: '1' });
    const error = expectOneError(run, answer.error, [answer.inputs?.['private-key'] ?? keys.pkcs8]);
    expect(error).toMatch(answer.hint);
  });
});

describe('the rest of the way Coze fails, through dist/', () => {
  it('ends at deadline-seconds, naming it, well before timeout-seconds', async () => {
    standIn.fail({ kind: 'hang' });
    const run = await runAction(inputs({ 'deadline-seconds': '1', 'timeout-seconds': '60' }));
    expectOneError(run, /no answer within deadline-seconds \(1 s\) after 1 attempt.*Raise deadline-seconds/);
    expect(run.durationMs).toBeLessThan(5000);
  });

  it('leaves verified unset when the check never got an answer, and the summary says so', async () => {
    standIn.failUsersMe({ kind: 'reset' }, { kind: 'reset' });
    const run = await runAction(inputs({ verify: 'true' }));
    expectOneError(run, /^Verification call to .*\/v1\/users\/me: .*\(2 attempts\)/);
    expect(run.outputs).toEqual({});
    expect(run.summary).toContain('⚠️ no answer from Coze, so not known (network)');
  });

  it('sets verified=false when Coze refused the token', async () => {
    standIn.failUsersMe({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }),
    });
    const run = await runAction(inputs({ verify: 'true' }));
    expectOneError(run, /code 4100/);
    expect(run.outputs).toEqual({ verified: 'false' });
  });

  for (const name of ['127.evil.example', 'localhost.evil.example', '127.0.0.1.nip.io']) {
    it(`refuses http://${name} before anything is sent`, async () => {
      const before = standIn.requests.length;
      const run = await runAction(inputs({ 'base-url': `http://${name}:${new URL(standIn.url).port}` }));
      expectOneError(
        run,
        /^Input 'base-url': .*plain http:\/\/ is allowed only for localhost, 127\.x\.x\.x and \[::1\]/,
      );
      expect(run.stdout).not.toContain(name);
      expect(standIn.requests.length).toBe(before);
    });
  }

  it('mints from the enterprise endpoint with a key base64-encoded on one line', async () => {
    const encoded = Buffer.from(keys.pkcs8).toString('base64');
    const run = await runAction(inputs({ 'enterprise-id': 'volcano_2101', 'private-key': encoded }));
    expect(run.code).toBe(0);
    expect(standIn.requests.at(-1)?.path).toBe('/api/permission/oauth2/enterprise_id/volcano_2101/token');
    expect(commands(run.stdout, 'add-mask')).toContain(encoded);
    expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn, extra: [encoded.slice(200, 240)] })).toEqual([]);
  });

  it('refuses enterprise-id with account-id before anything is sent', async () => {
    const before = standIn.requests.length;
    const run = await runAction(inputs({ 'enterprise-id': 'volcano_1', 'account-id': '42' }));
    expectOneError(run, /^Input 'enterprise-id': cannot be used together with account-id/);
    expect(standIn.requests.length).toBe(before);
  });
});
