// The reusable workflow as GitHub reads it (test/support/reusable-workflow.ts evaluates it with GitHub's own
// expression evaluator), its step run in-process against the local Coze stand-in. test/bundle/check.test.ts runs
// the same step through dist/index.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, expectFailure } from '../support/act.ts';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { makeRsaKeys } from '../support/keys.ts';
import {
  actionInputs,
  call,
  concurrencyGroup,
  inputsContext,
  job,
  readYaml,
  runsOn,
  timeoutMinutes,
  type Value,
} from '../support/reusable-workflow.ts';

interface Caller {
  jobs: Record<string, { uses?: string; with?: Record<string, Value> }>;
}
const action = readYaml('action.yml') as { inputs: Record<string, unknown> };
const { inputs: declared, secrets: declaredSecrets } = call;

// Settings a check has no use for: nothing after the step reads an exported token, and the summary is always written.
const NOT_FOR_A_CHECK = ['export-env', 'summary'];
// The workflow's own inputs, for its job rather than the action: the runner, and the name that keeps checks apart.
const FOR_THE_JOB = ['runs-on', 'check-name'];

describe('the reusable workflow passes every input a check can need to the action', () => {
  it('takes each action input but those a check has no use for, as an input or (the credentials and a token) a secret', () => {
    const expected = Object.keys(action.inputs).filter((name) => !NOT_FOR_A_CHECK.includes(name));
    expect(
      [...Object.keys(declared).filter((name) => !FOR_THE_JOB.includes(name)), ...Object.keys(declaredSecrets)].sort(),
    ).toEqual(expected.sort());
    expect(Object.fromEntries(Object.entries(declaredSecrets).map(([name, { required }]) => [name, required]))).toEqual(
      {
        'oauth-config': false,
        'app-id': false,
        'public-key-id': false,
        'private-key': false,
        'github-token': false,
      },
    );
  });

  it("opens the alert issue with the caller's github-token secret when given, with the job's own token otherwise", () => {
    const credentials = { 'app-id': 'app', 'public-key-id': 'kid', 'private-key': 'pem' };
    expect(actionInputs({ 'issue-on-failure': true }, credentials, 'ghs_job')['github-token']).toBe('ghs_job');
    expect(
      actionInputs({ 'issue-on-failure': true }, { ...credentials, 'github-token': '' }, 'ghs_job')['github-token'],
    ).toBe('ghs_job');
    expect(
      actionInputs({ 'issue-on-failure': true }, { ...credentials, 'github-token': 'ghs_app' }, 'ghs_job')[
        'github-token'
      ],
    ).toBe('ghs_app');
  });

  it("hands each workflow_call input and secret to the action's with: unchanged", () => {
    const secrets = { 'oauth-config': '{}', 'app-id': 'app', 'public-key-id': 'kid', 'private-key': 'pem' };
    const given: Record<string, Value> = {
      'base-url': 'https://api.coze.com',
      audience: 'aud.example',
      'session-name': 'ci-user',
      scope: '{"a":1}',
      'session-context': '{"connector_info":{"connector_id":"2001"}}',
      'account-id': '7351',
      'enterprise-id': 'volcano_1',
      'expected-user-id': '7400000000000000001',
      'duration-seconds': 1234,
      verify: false,
      retries: 7,
      'timeout-seconds': 45,
      'deadline-seconds': 900,
      'issue-on-failure': true,
    };
    expect(Object.keys(given).sort()).toEqual(
      Object.keys(declared)
        .filter((name) => !FOR_THE_JOB.includes(name))
        .sort(),
    );
    expect(actionInputs(given, secrets)).toEqual({
      ...Object.fromEntries(Object.entries(given).map(([name, value]) => [name, String(value)])),
      ...secrets,
      summary: 'true',
      'github-token': 'ghs_unused',
    });
  });

  it('refuses, as GitHub does, an input it does not declare or a value of another type', () => {
    expect(() => inputsContext({ 'base-uri': 'https://api.coze.com' })).toThrow(/no input base-uri/);
    expect(() => inputsContext({ verify: 'false' })).toThrow(/verify is a boolean/);
  });

  it('defaults as documented: verify on, the action defaults for retries and timeout-seconds, a 180 s deadline', () => {
    const passed = actionInputs({}, {});
    expect(passed).toMatchObject({
      verify: 'true',
      retries: '3',
      'timeout-seconds': '30',
      'deadline-seconds': '180',
      'duration-seconds': '900',
    });
    expect(passed).toMatchObject({
      'account-id': '',
      'enterprise-id': '',
      scope: '',
      audience: '',
      'issue-on-failure': 'false',
    });
  });
});

describe('runs-on', () => {
  it('takes a plain label, as every other workflow does, and defaults to ubuntu-latest', () => {
    expect(runsOn({ 'runs-on': 'ubuntu-latest' })).toBe('ubuntu-latest');
    expect(runsOn({ 'runs-on': 'windows-2025' })).toBe('windows-2025');
    expect(runsOn({})).toBe('ubuntu-latest');
  });

  it('takes JSON: several labels, a runner group, and the JSON string of earlier versions', () => {
    expect(runsOn({ 'runs-on': '["self-hosted", "linux"]' })).toEqual(['self-hosted', 'linux']);
    expect(runsOn({ 'runs-on': '{"group": "coze", "labels": ["linux"]}' })).toEqual({
      group: 'coze',
      labels: ['linux'],
    });
    expect(runsOn({ 'runs-on': '"ubuntu-latest"' })).toBe('ubuntu-latest');
  });
});

describe('concurrency: one check at a time per app, site and organisation, so that two runs cannot open two alert issues', () => {
  it('queues the later check instead of cancelling the one in progress', () => {
    expect(job.concurrency['cancel-in-progress']).toBe(false);
  });

  it('keys on the check-name, base-url, account-id and enterprise-id, and on nothing else a caller sets', () => {
    const group = concurrencyGroup({});
    expect(group).toBe('coze-token-check [] https://api.coze.cn account-id [] enterprise-id []');
    const others: Record<string, Value> = {
      verify: false,
      retries: 0,
      'duration-seconds': 60,
      'deadline-seconds': 900,
      'runs-on': 'windows-2025',
    };
    expect(concurrencyGroup(others)).toBe(group);
    // The same app checked from two workflows writes to one alert issue, so they wait for each other too.
    expect(concurrencyGroup({}, { workflow: 'Nightly check' })).toBe(concurrencyGroup({}, { workflow: 'Release' }));
    const apart: Array<Record<string, Value>> = [
      { 'check-name': 'SUPPORT_BOT' },
      { 'check-name': 'GLOBAL_BOT' },
      { 'base-url': 'https://api.coze.com' },
      { 'account-id': '7351' },
      { 'enterprise-id': '7351' },
    ];
    expect(new Set([group, ...apart.map((given) => concurrencyGroup(given))]).size).toBe(apart.length + 1);
  });

  it('names no secret: GitHub shows the group, and the app id and key come as secrets, which concurrency cannot read', () => {
    expect(job.concurrency.group).not.toMatch(/secrets|github\.token/);
  });
});

describe('timeout-minutes', () => {
  it('stays at least 2 minutes above every deadline-seconds the action takes (1 to 3600), so the step ends first', () => {
    const margins = new Set<number>();
    for (let deadline = 1; deadline <= 3600; deadline++) {
      const minutes = timeoutMinutes({ 'deadline-seconds': deadline });
      expect(typeof minutes).toBe('number');
      expect((minutes as number) * 60 - deadline, `deadline ${deadline}`).toBeGreaterThanOrEqual(120);
      margins.add(minutes as number);
    }
    expect([...margins]).toEqual([5, 12, 32, 62]);
  });

  it('keeps the default check to a 5-minute job', () => {
    expect(timeoutMinutes({})).toBe(5);
  });
});

describe('checks through the reusable workflow, against the stand-in', () => {
  const keys = makeRsaKeys();
  const appId = '7499999999999';
  const kid = 'reusable-kid';
  const secrets = { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8 };
  let standIn: CozeStandIn;
  beforeAll(async () => {
    standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
  });
  afterAll(() => standIn.close());

  it('passes for an enterprise app, as examples/enterprise-check.yml calls it, on the enterprise endpoint', async () => {
    const caller = readYaml('examples/enterprise-check.yml') as Caller;
    const [call] = Object.values(caller.jobs);
    expect(call?.uses).toMatch(/\/\.github\/workflows\/coze-token-check\.yml@/);
    const given = { ...call?.with, 'base-url': standIn.url };
    expect(runsOn(given)).toEqual(['self-hosted', 'linux']);
    const result = await act(standIn, actionInputs(given, secrets));
    expect(result.failures()).toEqual([]);
    expect(result.sent.map((request) => request.path)).toEqual([
      `/api/permission/oauth2/enterprise_id/${call?.with?.['enterprise-id']}/token`,
    ]);
    expect(standIn.issued.has(result.outputs().token as string)).toBe(true);
  });

  it('passes for an app without permission to read the user profile with verify: false, and fails it with verify on', async () => {
    standIn.denyProfile();
    try {
      const given = { 'base-url': standIn.url, 'runs-on': 'ubuntu-latest' };
      const refused = await act(standIn, actionInputs(given, secrets));
      expectFailure(refused, /code 4101/);
      const passed = await act(standIn, actionInputs({ ...given, verify: false }, secrets));
      expect(passed.failures()).toEqual([]);
      expect(passed.sent.map((request) => request.path)).toEqual(['/api/permission/oauth2/token']);
      expect(passed.outputs()).not.toHaveProperty('verified');
    } finally {
      standIn.denyProfile(false);
    }
  });

  it('passes a plain check with every default but base-url: minted and verified', async () => {
    const result = await act(standIn, actionInputs({ 'base-url': standIn.url }, secrets));
    expect(result.failures()).toEqual([]);
    expect(result.outputs().verified).toBe('true');
  });
});
