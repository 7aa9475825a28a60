// Alert issues through dist/ against a GitHub that drops unknown labels, and against a hostile GitHub API: the
// runner's view (stdout as workflow commands, exit code), each case once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { marker } from '../../src/alert/index.ts';
import { appTag } from '../../src/core/report.ts';
import { type Elsewhere, startElsewhere } from '../support/elsewhere.ts';
import { ACTIONS_BOT, type FakeGitHub, type Hostility, startFakeGitHub } from '../support/fake-github.ts';
import { leaksIn } from '../support/leaks.ts';
import { commands, leakSurface, runAction } from '../support/run-action.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381944', 'bundle-alert-kid');
const githubToken = 'ghs_bundleHostileToken00000000000';
let github: FakeGitHub;
let elsewhere: Elsewhere;

beforeAll(async () => {
  github = await startFakeGitHub('octo/coze-app', { labelCreation: 'refused' });
  elsewhere = await startElsewhere();
});
afterAll(async () => {
  await Promise.all([github.close(), elsewhere.close()]);
});
beforeEach(() => {
  github.reset();
  elsewhere.reset();
});

const runner = () => ({
  GITHUB_REPOSITORY: 'octo/coze-app',
  GITHUB_RUN_ID: '31',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: github.url,
});
const alerting = () => ({
  'base-url': standIn.url,
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  verify: 'true',
  'issue-on-failure': 'true',
  'github-token': githubToken,
});
const failingRun = async (msg = 'authentication is invalid') => {
  standIn.failUsersMe({ kind: 'status', status: 401, body: JSON.stringify({ code: 4100, msg }) });
  const run = await runAction(alerting(), runner());
  expect(run.code).toBe(1);
  expect(leaksIn(leakSurface(run), { pems: [keys.pkcs8], standIn, extra: [githubToken] })).toEqual([]);
  return run;
};

describe('through dist/: a GitHub that drops unknown labels', () => {
  for (const creation of ['refused', 'allowed'] as const) {
    it(`three failing runs leave one issue with two comments, and a recovery closes it (label creation ${creation})`, async () => {
      github.allowLabels(creation === 'allowed');
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await failingRun());
      expect(github.issues).toHaveLength(1);
      expect(github.issues[0]).toMatchObject({
        labels: creation === 'allowed' ? ['coze-token-check'] : [],
        state: 'open',
      });
      expect(github.issues[0]?.comments).toHaveLength(2);
      expect(runs.map((run) => run.stdout.includes('gh label create coze-token-check'))).toEqual(
        creation === 'allowed' ? [false, false, false] : [true, false, false],
      );
      for (const run of runs) expect(commands(run.stdout, 'warning')).toEqual([]);
      const recovery = await runAction(alerting(), runner());
      expect(recovery.code).toBe(0);
      expect(recovery.stdout).toContain('Alert issue: closed issue #1.');
      expect(github.issues[0]?.state).toBe('closed');
    });
  }
});

describe('through dist/: two checks at once', () => {
  it('keeps the oldest of its open issues, closes the other pointing to it, and a recovery closes the one kept', async () => {
    const ours = marker({ app: appTag(appId, 'octo/coze-app'), site: `127.0.0.1:${new URL(standIn.url).port}` });
    for (const number of [1, 2]) {
      github.issues.push({
        number,
        title: 't',
        body: ours,
        labels: [],
        state: 'open',
        comments: [],
        user: ACTIONS_BOT,
        author_association: 'NONE',
      });
    }
    const run = await failingRun();
    expect(run.stdout).toContain('Alert issue: commented on issue #1 (closed #2 as a duplicate).');
    expect(github.issues.map(({ state, state_reason }) => [state, state_reason])).toEqual([
      ['open', undefined],
      ['closed', 'not_planned'],
    ]);
    expect(github.issues[1]?.comments).toEqual([expect.stringMatching(/^Duplicate of #1, which this check keeps/)]);
    const recovery = await runAction(alerting(), runner());
    expect(recovery.stdout).toContain('Alert issue: closed issue #1.');
    expect(github.issues.map((issue) => issue.state)).toEqual(['closed', 'closed']);
  });
});

describe('through dist/: a hostile GitHub API', () => {
  const cases: Array<[string, () => Hostility, RegExp | undefined]> = [
    // Ten full pages and no end: it cannot tell whether its issue is further on, so it opens none.
    [
      'a next link to another origin',
      () => ({ kind: 'next-elsewhere', url: elsewhere.url }),
      /more than 1000 open issues.*no new issue was opened/,
    ],
    ['a next link that points to itself, for ever', () => ({ kind: 'next-self' }), undefined],
    [
      'endless full pages',
      () => ({ kind: 'endless-full-pages' }),
      /more than 1000 open issues.*no new issue was opened/,
    ],
    [
      'an issue number with newlines and workflow commands',
      () => ({ kind: 'number-with-newlines' }),
      /issue number that is not a positive whole number/,
    ],
    ['a list cut mid-body', () => ({ kind: 'cut-list' }), /not a list of issues/],
    ['a gzip answer it did not ask for', () => ({ kind: 'gzip-bomb' }), /compressed body although none was asked for/],
    [
      'a redirect to another origin',
      () => ({ kind: 'redirect-elsewhere', url: elsewhere.url }),
      /redirect \(HTTP 301\), which is not followed/,
    ],
  ];
  for (const [name, hostility, warning] of cases) {
    it(`${name}: the token stays home, the run ends, and stdout carries only the action's own commands`, async () => {
      github.hostile(hostility());
      const run = await failingRun();
      expect(elsewhere.hits()).toBe(0);
      expect(github.requests.filter((request) => request.method === 'GET').length).toBeLessThanOrEqual(11);
      expect(commands(run.stdout, 'error')).toHaveLength(1);
      expect(commands(run.stdout, 'add-mask').filter((value) => value.length < 16)).toEqual([]);
      expect(run.stdout).not.toContain('injected');
      const warnings = commands(run.stdout, 'warning');
      if (warning) {
        expect(warnings).toEqual([expect.stringMatching(warning)]);
        expect(github.issues).toEqual([]);
      } else {
        expect(warnings).toEqual([]);
      }
    });
  }

  it("writes Coze's words as inert code: no link, image, mention or cross-reference", async () => {
    await failingRun('[docs](https://evil.example) ![x](https://evil.example/p.png) @octocat #1 octo/other#2');
    const row = github.issues[0]?.body.split('\n').find((line) => line.startsWith('| **Error** |'));
    expect(row).toMatch(
      /^\| \*\*Error\*\* \| `Coze refused .*\[docs\]\(https:\/\/evil\.example\) !\[x\].*@octocat #1 octo\/other#2 .*` \|$/,
    );
  });
});
