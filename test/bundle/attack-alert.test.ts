// One app minting for two organisations (account-id, as an enterprise with several has) is two checks: a passing one
// never closes the other's alert issue.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.ts';
import { runAction } from '../support/run-action.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('1183520381955', 'org-alert-kid');
let github: FakeGitHub;

beforeAll(async () => {
  github = await startFakeGitHub('octo/coze-app', { labels: ['coze-token-check'] });
});
afterAll(async () => {
  await github.close();
});
beforeEach(() => github.reset());

const check = (accountId: string, failing: boolean) => {
  if (failing)
    standIn.failUsersMe({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }),
    });
  return runAction(
    {
      'base-url': standIn.url,
      'app-id': appId,
      'public-key-id': kid,
      'private-key': keys.pkcs8,
      'account-id': accountId,
      verify: 'true',
      'issue-on-failure': 'true',
      'github-token': 'ghs_orgAlertToken0000000000000000',
    },
    {
      GITHUB_REPOSITORY: 'octo/coze-app',
      GITHUB_RUN_ID: '7',
      GITHUB_API_URL: github.url,
      GITHUB_WORKFLOW: 'Coze checks',
      GITHUB_JOB: 'check',
    },
  );
};

it("one app for two organisations: a passing organisation never closes the other's alert issue", async () => {
  expect((await check('7001', true)).code).toBe(1);
  expect((await check('7002', false)).code).toBe(0);
  expect((await check('7001', true)).code).toBe(1);
  expect(github.issues.map((issue) => [issue.state, issue.comments.length])).toEqual([['open', 1]]);
  expect(github.issues[0]?.title).toMatch(
    /^Coze credential check failing: Coze checks \/ check, app [0-9a-f]{8} for [0-9a-f]{8} on 127\.0\.0\.1:\d+$/,
  );
  expect(github.issues[0]?.body).not.toMatch(/7001/);
  expect((await check('7001', false)).stdout).toContain('Alert issue: closed issue #1.');
});
