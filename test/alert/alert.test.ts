// issue-on-failure in-process: run(core, deps) against the Coze stand-in and a local fake of GitHub's REST API,
// through the real @actions/github client.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionDeps } from '../../src/action/index.ts';
import {
  describeGitHubError,
  duplicateComment,
  failureComment,
  failureIssue,
  marker,
  runContextFrom,
} from '../../src/alert/index.ts';
import { appTag } from '../../src/core/report.ts';
import { act } from '../support/act.ts';
import { ACTIONS_BOT, type FakeGitHub, startFakeGitHub } from '../support/fake-github.ts';
import { leaksIn } from '../support/leaks.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7411111111111', 'alert-kid');
const githubToken = 'ghs_fakeInstallationToken0123456789';
let github: FakeGitHub;

beforeAll(async () => {
  github = await startFakeGitHub('octo/coze-app');
});
afterAll(async () => {
  await github.close();
});
beforeEach(() => github.reset());

const env = () => ({
  GITHUB_REPOSITORY: 'octo/coze-app',
  GITHUB_RUN_ID: '4242',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: github.url,
  GITHUB_WORKFLOW: 'Coze check',
  GITHUB_JOB: 'check',
});
const tag = appTag(appId, 'octo/coze-app');
const site = () => `127.0.0.1:${new URL(standIn.url).port}`;
const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  'issue-on-failure': 'true',
  'github-token': githubToken,
  verify: 'true',
  ...extra,
});
const check = (extra: Record<string, string> = {}, deps: Partial<ActionDeps> = {}) =>
  act(standIn, inputs(extra), { deps: { env: env(), ...deps }, extra: [githubToken] });
const failing = () =>
  standIn.failUsersMe({
    kind: 'status',
    status: 401,
    body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }),
  });

/** Nothing secret in anything written to GitHub. */
function expectCleanGitHub() {
  expect(leaksIn(github.written(), { pems: [keys.pkcs8], standIn, extra: [githubToken] })).toEqual([]);
}

describe('issue-on-failure', () => {
  it('opens one labelled issue on the first failure, with what failed, the hint and the run', async () => {
    failing();
    const result = await check();
    expect(result.failures()).toHaveLength(1);
    expect(github.issues).toHaveLength(1);
    const [issue] = github.issues;
    expect(issue?.title).toBe(`Coze credential check failing: Coze check / check, app ${tag} on ${site()}`);
    expect(issue?.labels).toEqual(['coze-token-check']);
    expect(issue?.body).toContain(`<!-- coze-token-check: app ${tag} on ${site()} -->`);
    expect(issue?.body).toContain('| **App** |');
    // The app id is a secret: no issue, title or marker shows it.
    expect(github.written()).not.toContain(appId);
    expect(issue?.body).toContain('(https://github.example/octo/coze-app/actions/runs/4242)');
    expect(issue?.body).toMatch(
      /\| \*\*Error\*\* \| `Coze refused the new token in the check call to \/v1\/users\/me: authentication is invalid \(HTTP 401, code 4100, log id \w+\)` \|/,
    );
    expect(issue?.body).toMatch(/\| \*\*What to do\*\* \| .*revoked/);
    expect(github.requests.every((request) => request.authorization === `token ${githubToken}`)).toBe(true);
    expect(result.named('info').map((c) => c.args[0])).toContain('Alert issue: opened issue #1.');
    expect(result.secrets()).toContain(githubToken);
    expectCleanGitHub();
  });

  it('comments on the open issue while the check keeps failing, and closes it on recovery', async () => {
    failing();
    await check();
    standIn.fail({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ error_code: 'invalid_client', error_message: 'invalid jwt: kid not been registred' }),
    });
    const second = await check();
    expect(second.named('info').map((c) => c.args[0])).toContain('Alert issue: commented on issue #1.');
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.comments[0]).toMatch(
      /^Still failing in \[run 4242\]\(https:\/\/github\.example\/octo\/coze-app\/actions\/runs\/4242\):/,
    );
    expect(github.issues[0]?.comments[0]).toContain('kid not been registred');

    const healthy = await check();
    expect(healthy.failures()).toEqual([]);
    expect(healthy.named('info').map((c) => c.args[0])).toContain('Alert issue: closed issue #1.');
    expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(github.issues[0]?.comments[1]).toBe(
      'Recovered: the check passed in [run 4242](https://github.example/octo/coze-app/actions/runs/4242). Closing.',
    );
    expectCleanGitHub();
  });

  it('keeps one issue per app and site: another app gets its own', async () => {
    failing();
    await check();
    await check({ 'app-id': 'other-app' }); // an app the stand-in does not know: refused at the mint

    expect(github.issues.map((issue) => issue.title)).toEqual([
      expect.stringContaining(`app ${tag} on`),
      expect.stringContaining(`app ${appTag('other-app', 'octo/coze-app')} on`),
    ]);
  });

  it('ignores pull requests and other issues carrying the label', async () => {
    const ours = marker({ app: tag, site: site() });
    github.issues.push(
      {
        number: 1,
        title: 'a PR that quotes the marker',
        body: ours,
        labels: ['coze-token-check'],
        state: 'open',
        comments: [],
        pull: true,
        user: ACTIONS_BOT,
        author_association: 'NONE',
      },
      {
        number: 2,
        title: 'labelled by hand',
        body: '',
        labels: ['coze-token-check'],
        state: 'open',
        comments: [],
        user: ACTIONS_BOT,
        author_association: 'NONE',
      },
    );
    failing();
    const result = await check();
    expect(result.named('info').map((c) => c.args[0])).toContain('Alert issue: opened issue #3.');
    expect(github.issues.map((issue) => issue.comments)).toEqual([[], [], []]);
  });

  it('names the default site when base-url is not given', async () => {
    await check({ 'base-url': '', 'duration-seconds': '0' });
    expect(github.issues[0]?.title).toBe(
      `Coze credential check failing: Coze check / check, app ${tag} on api.coze.cn`,
    );
  });

  it('names the app and site as it can when they are the bad input', async () => {
    await check({ 'app-id': 'two words', 'base-url': 'http://127.evil.example' });
    expect(github.issues[0]?.title).toBe(
      `Coze credential check failing: Coze check / check, app ${appTag('two words', 'octo/coze-app')} on an unreadable base-url`,
    );
    expect(github.written()).not.toContain('127.evil.example');
  });

  it('writes nothing to GitHub for a healthy run with no open issue', async () => {
    const result = await check();
    expect(result.failures()).toEqual([]);
    expect(result.named('warning')).toEqual([]);
    expect(result.named('info').map((c) => c.args[0])).toContain('Alert issue: no open issue to update.');
    expect(github.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')}`)).toEqual([
      'POST /graphql',
      'GET /repos/octo/coze-app/labels/coze-token-check',
      'GET /repos/octo/coze-app/issues',
    ]);
    expect(github.issues).toEqual([]);
  });

  it('opens an issue for a bad input too, without the value', async () => {
    const result = await check({ 'duration-seconds': '99999999' });
    expect(result.failures()).toEqual(["Input 'duration-seconds': expected a whole number from 1 to 86399"]);
    expect(github.issues[0]?.body).toContain(
      "| **Error** | `Input 'duration-seconds': expected a whole number from 1 to 86399` |",
    );
    expect(github.written()).not.toContain('99999999');
  });

  it("leaves Coze's error intact and warns when GitHub refuses (no issues: write)", async () => {
    github.refuse(403);
    failing();
    const result = await check();
    expect(result.failures()).toEqual([expect.stringMatching(/^Coze refused the new token in the check call/)]);
    expect(result.named('warning').map((c) => c.args[0])).toEqual([
      'Could not write the alert issue to GitHub: GitHub answered HTTP 403 (Resource not accessible by integration - https://docs.github.com/rest): grant the job `permissions: issues: write` and pass a github-token that has it',
    ]);
    // The failure is recorded before the alert is tried.
    expect(result.calls.findIndex((c) => c.name === 'setFailed')).toBeLessThan(
      result.calls.findIndex((c) => c.name === 'warning'),
    );
  });

  it('warns, and keeps a passing step passing, when GitHub cannot be reached', async () => {
    const result = await act(standIn, inputs(), {
      deps: { env: { ...env(), GITHUB_API_URL: 'http://127.0.0.1:9' } },
      extra: [githubToken],
    });
    expect(result.failures()).toEqual([]);
    expect(result.named('warning').map((c) => c.args[0])).toEqual([
      "Could not write the alert issue to GitHub: GitHub's API could not be reached: connection refused",
    ]);
  });

  it('sends the github-token only over https or to loopback', async () => {
    for (const apiUrl of ['http://api.github.example', 'ftp://127.0.0.1']) {
      failing();
      const result = await act(standIn, inputs(), {
        deps: { env: { ...env(), GITHUB_API_URL: apiUrl } },
        extra: [githubToken],
      });
      expect(result.named('warning').map((c) => c.args[0])).toEqual([
        'Could not write the alert issue to GitHub: GITHUB_API_URL is not an https:// URL, and the github-token is ' +
          'sent only over https (or to localhost); nothing was sent',
      ]);
    }
    expect(github.requests).toEqual([]);
  });

  it('warns when it is not on a runner or has no token', async () => {
    const noRunner = await act(standIn, inputs(), { deps: { env: {} }, extra: [githubToken] });
    expect(noRunner.named('warning').map((c) => c.args[0])).toEqual([
      expect.stringMatching(/GITHUB_REPOSITORY and GITHUB_RUN_ID are not set/),
    ]);
    const noToken = await check({ 'github-token': '' });
    expect(noToken.named('warning').map((c) => c.args[0])).toEqual([expect.stringMatching(/github-token is empty/)]);
    expect(noToken.secrets()).not.toContain('');
    // local-action passes action.yml's default as it is written: named as such, and never sent.
    const unexpanded = await check({ 'github-token': '${{ github.token }}' });
    expect(unexpanded.named('warning').map((c) => c.args[0])).toEqual([
      expect.stringMatching(/github-token is an expression nobody evaluated .*nothing was sent$/),
    ]);
    expect(github.requests).toEqual([]);
  });

  it('makes no GitHub call, and opens no client, when off', async () => {
    failing();
    let opened = 0;
    const result = await check(
      { 'issue-on-failure': 'false' },
      { openIssuesApi: async () => (opened++, Promise.reject(new Error('must not be called'))) },
    );
    expect(result.failures()).toHaveLength(1);
    expect(opened).toBe(0);
    expect(github.requests).toEqual([]);
    expect(result.named('warning')).toEqual([]);
    expect(result.secrets()).not.toContain(githubToken);
  });
});

describe('alert helpers', () => {
  const context = {
    repository: 'octo/coze-app',
    runId: '42',
    serverUrl: 'https://github.example',
    apiUrl: 'https://api.github.example',
  };

  it('writes the issue as a title, a marker, a sentence, a table and a closing line', () => {
    const issue = failureIssue(
      { app: '0a1b2c3d', site: 'api.coze.cn', workflow: 'Nightly `x`\n', job: 'check' },
      { app: '0a1b2c3d', problem: 'Coze said no | really\nno', hint: 'fix <it>\r\nnow' },
      context,
    );
    expect(issue.title).toBe('Coze credential check failing: Nightly `x` / check, app 0a1b2c3d on api.coze.cn');
    expect(issue.body).toBe(
      [
        '<!-- coze-token-check: app 0a1b2c3d on api.coze.cn -->',
        'The Coze credential check ``Nightly `x` / check`` of app `0a1b2c3d` (a digest of its app-id) on `api.coze.cn` failed in [run 42](https://github.example/octo/coze-app/actions/runs/42).',
        '',
        '| | |',
        '|---|---|',
        '| **Result** | ❌ failed |',
        '| **App** | `0a1b2c3d (a digest of app-id)` |',
        '| **Error** | `Coze said no \\| really no` |',
        '| **What to do** | fix &#60;it&#62; now |',
        '',
        'Each failing run comments here; the first passing run closes this issue. Opened by coze-token-action with `issue-on-failure: true`.',
      ].join('\n'),
    );
    expect(failureComment({ problem: 'x' }, context)).toBe(
      [
        'Still failing in [run 42](https://github.example/octo/coze-app/actions/runs/42):',
        '',
        '| | |',
        '|---|---|',
        '| **Result** | ❌ failed |',
        '| **Error** | `x` |',
      ].join('\n'),
    );
  });

  it('names the organisation by its digest, and no check where the run gave no workflow or job', () => {
    const issue = failureIssue({ app: '0a1b2c3d', site: 'api.coze.com', org: '9f8e7d6c' }, { problem: 'no' }, context);
    expect(issue.title).toBe('Coze credential check failing: app 0a1b2c3d for 9f8e7d6c on api.coze.com');
    expect(issue.body.split('\n').slice(0, 2)).toEqual([
      '<!-- coze-token-check: app 0a1b2c3d for 9f8e7d6c on api.coze.com -->',
      'The Coze credential check of app `0a1b2c3d` (a digest of its app-id) for `9f8e7d6c` (a digest of its ' +
        'account-id or enterprise-id) on `api.coze.com` failed in [run 42](https://github.example/octo/coze-app/actions/runs/42).',
    ]);
  });

  it('cuts a long workflow and job name to 120 characters in the title', () => {
    const subject = { app: 'a', site: 's', workflow: 'w'.repeat(120), job: 'j'.repeat(120) };
    expect(failureIssue(subject, { problem: 'no' }, context).title).toBe(
      `Coze credential check failing: ${'w'.repeat(120)}, app a on s`,
    );
  });

  it('shows the site and the audience of the run in the issue, as code', () => {
    const body = failureComment({ problem: 'p', baseUrl: 'https://api.coze.com', audience: 'api.coze.com' }, context);
    expect(body).toContain('| **Base URL** | `https://api.coze.com` |');
    expect(body).toContain('| **Audience** | `api.coze.com` |');
  });

  it('closes a duplicate with a comment that points to the issue kept', () => {
    expect(duplicateComment(7, context)).toBe(
      'Duplicate of #7, which this check keeps (two runs opened one each). Closed in [run 42](https://github.example/octo/coze-app/actions/runs/42).',
    );
  });

  it('says what octokit wrapped: the refusal or the network failure underneath, not HTTP 500', () => {
    const wrapped = (cause: Error) => Object.assign(new Error('wrapped'), { status: 500, cause });
    expect(
      describeGitHubError(
        wrapped(Object.assign(new Error('a request to x was refused'), { name: 'GitHubAnswerError' })),
      ),
    ).toBe('a request to x was refused');
    expect(describeGitHubError(wrapped(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })))).toBe(
      "GitHub's API could not be reached: connection refused",
    );
    expect(describeGitHubError(wrapped(new TypeError('a bug')))).toBe('HTTP 500: wrapped');
    const refusedByProxy = Object.assign(new Error('Proxy response (403) !== 200 when HTTP Tunneling'), {
      name: 'AbortError',
    });
    expect(describeGitHubError(wrapped(refusedByProxy))).toBe(
      "GitHub's API could not be reached: the proxy refused the connection to GitHub (HTTP 403)",
    );
    expect(describeGitHubError(wrapped(Object.assign(new Error('t'), { name: 'TimeoutError' })))).toBe(
      "GitHub's API could not be reached: no complete answer in the time left",
    );
    // An error with an answer is GitHub's answer, whatever its cause says.
    expect(
      describeGitHubError(
        Object.assign(new Error('Server Error'), {
          status: 502,
          cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }),
          response: {},
        }),
      ),
    ).toBe('HTTP 502: Server Error');
    expect(describeGitHubError(null)).toBe('the request failed');
  });

  it("writes the action's own rows as text and every other value as code", () => {
    const body = failureComment(
      {
        problem: 'p',
        expires: '2026-11-25T06:32:05.000Z (in 14 min 59 s)',
        verification: 'refused',
        logId: 'L1',
        userName: 'u',
        app: 'a1b2c3d4',
      },
      context,
    );
    expect(body).toContain('| **Token expires** | 2026-11-25T06:32:05.000Z (in 14 min 59 s) |');
    expect(body).toContain('| **Verification** | ❌ Coze refused the token |');
    expect(body).toContain('| **Result** | ❌ failed |');
    expect(body).toContain('| **App** | `a1b2c3d4 (a digest of app-id)` |');
    expect(body).toContain('| **Log id (x-tt-logid)** | `L1` |');
  });

  it('names no person in an issue: neither the session name (an end user) nor the Coze user', async () => {
    const report = { problem: 'p', sessionName: 'end-user-4711', userName: 'Ada', userId: '7400000000000000001' };
    for (const text of [failureComment(report, context), failureIssue({ app: 'a', site: 's' }, report, context).body]) {
      expect(text).toContain('| **Error** | `p` |');
      for (const person of ['Session name', 'end-user-4711', 'User', 'Ada', '7400000000000000001'])
        expect(text).not.toContain(person);
    }
    failing();
    const run = await check({ 'session-name': 'end-user-4711' });
    expect(github.written()).not.toContain('end-user-4711');
    expect(run.summaryTable()['Session name']).toBe('end-user-4711');
  });

  it("cuts the session name out of Coze's words in the issue, where a refusal repeats it", async () => {
    standIn.failUsersMe({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ code: 4100, msg: 'authentication is invalid for session end-user-4711' }),
      headers: { 'x-tt-logid': 'log-end-user-4711' },
    });
    await check({ 'session-name': 'end-user-4711' });
    expect(github.written()).toContain('[session-name]');
    expect(github.written()).not.toMatch(/end-user-4711/i);
  });

  it('names the permission for 401, 403 and 404 alike', () => {
    for (const status of [401, 403, 404])
      expect(describeGitHubError(Object.assign(new Error('Not Found'), { status }))).toMatch(
        new RegExp(`^GitHub answered HTTP ${status} \\(Not Found\\): grant the job`),
      );
    expect(describeGitHubError(Object.assign(new Error(''), { status: 404 }))).toBe(
      'GitHub answered HTTP 404: grant the job `permissions: issues: write` and pass a github-token that has it',
    );
  });

  it('reads the run context from the runner environment, with github.com defaults', () => {
    expect(runContextFrom({ GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '1' })).toEqual({
      repository: 'a/b',
      runId: '1',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
    });
    expect(runContextFrom({ GITHUB_REPOSITORY: 'a/b' })).toBeUndefined();
  });

  it('describes GitHub failures without a permission hint when the permission is not the problem', () => {
    expect(describeGitHubError(Object.assign(new Error('Server Error\nmore'), { status: 502 }))).toBe(
      'HTTP 502: Server Error',
    );
    expect(describeGitHubError('odd')).toBe('the request failed');
    expect(
      describeGitHubError(Object.assign(new Error('API rate limit exceeded for installation'), { status: 403 })),
    ).toBe("GitHub's API rate limit was reached (HTTP 403); a later run will write the alert");
    expect(describeGitHubError(Object.assign(new Error('slow down'), { status: 429 }))).toMatch(
      /^GitHub's API rate limit was reached \(HTTP 429\)/,
    );
    expect(describeGitHubError(Object.assign(new Error('rate limit of bad credentials'), { status: 401 }))).toMatch(
      /^GitHub answered HTTP 401 .*grant the job/,
    );
    expect(describeGitHubError({ status: 403 })).toBe(
      'GitHub answered HTTP 403: grant the job `permissions: issues: write` and pass a github-token that has it',
    );
    expect(describeGitHubError(Object.assign(new Error('Bad credentials'), { status: 401 }))).toMatch(
      /^GitHub answered HTTP 401 \(Bad credentials\): grant the job/,
    );
  });
});
