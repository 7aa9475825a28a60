// Alerts against GitHub as it is (a label that does not exist is dropped; the token may not create labels) and
// against a broken or hostile GitHub API, in-process through the real octokit client.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ISSUE_PAGES } from '../../src/alert/github-issues.ts';
import { ALERT_LABEL_SPEC, marker } from '../../src/alert/index.ts';
import { appTag, checkTags } from '../../src/core/report.ts';
import { act } from '../support/act.ts';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { type Elsewhere, startElsewhere } from '../support/elsewhere.ts';
import { ACTIONS_BOT, type FakeGitHub, OUTSIDER, startFakeGitHub } from '../support/fake-github.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7455555555555', 'alert-github-kid');
const githubToken = 'ghs_hostileTestToken0123456789abc';
let github: FakeGitHub;
let elsewhere: Elsewhere;

beforeAll(async () => {
  github = await startFakeGitHub('octo/coze-app');
  elsewhere = await startElsewhere();
});
afterAll(async () => {
  await Promise.all([github.close(), elsewhere.close()]);
});
beforeEach(() => {
  github.reset();
  elsewhere.reset();
});

const env = () => ({
  GITHUB_REPOSITORY: 'octo/coze-app',
  GITHUB_RUN_ID: '99',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: github.url,
});
/** One run of the check, against `coze` (the stand-in unless told), with `extra` inputs. */
const check = (extra: Record<string, string> = {}, coze: CozeStandIn = standIn) =>
  act(
    coze,
    {
      'app-id': appId,
      'public-key-id': kid,
      'private-key': keys.pkcs8,
      'base-url': coze.url,
      verify: 'true',
      'issue-on-failure': 'true',
      'github-token': githubToken,
      ...extra,
    },
    { deps: { env: env() }, extra: [githubToken] },
  );
const failing = (msg = 'authentication is invalid') =>
  standIn.failUsersMe({ kind: 'status', status: 401, body: JSON.stringify({ code: 4100, msg }) });
const infos = (result: Awaited<ReturnType<typeof check>>) => result.named('info').map((call) => String(call.args[0]));
const warnings = (result: Awaited<ReturnType<typeof check>>) =>
  result.named('warning').map((call) => String(call.args[0]));

describe('GitHub as it is: the label may not exist, and the token may not create it', () => {
  for (const creation of ['allowed', 'refused'] as const) {
    it(`three failing runs leave one issue with two comments, and a recovery closes it (label creation ${creation})`, async () => {
      github.allowLabels(creation === 'allowed');
      const runs = [];
      for (let i = 0; i < 3; i++) {
        failing();
        runs.push(await check());
      }
      expect(github.issues).toHaveLength(1);
      expect(github.issues[0]?.comments).toHaveLength(2);
      expect(github.issues[0]?.labels).toEqual(creation === 'allowed' ? ['coze-token-check'] : []);
      const howTo = (result: Awaited<ReturnType<typeof check>>) =>
        infos(result).filter((line) => line.includes('gh label create coze-token-check'));
      expect(howTo(runs[0] as Awaited<ReturnType<typeof check>>)).toEqual(
        creation === 'allowed'
          ? []
          : [
              'The github-token may not create the label coze-token-check, so the issue goes without it (alerts work ' +
                `all the same). Create it once: gh label create coze-token-check --color ${ALERT_LABEL_SPEC.color}`,
            ],
      );
      // Where no label exists, none is put on the issue found.
      for (const run of runs) expect(infos(run).filter((line) => line.startsWith('Issue #'))).toEqual([]);
      expect(infos(runs[2] as Awaited<ReturnType<typeof check>>)).toContain('Alert issue: commented on issue #1.');
      const recovery = await check();
      expect(infos(recovery)).toContain('Alert issue: closed issue #1.');
      expect(github.issues[0]?.state).toBe('closed');
      for (const result of [...runs, recovery]) expect(warnings(result)).toEqual([]);
    });
  }

  it('creates the label once, and finds it there on later runs', async () => {
    failing();
    await check();
    expect([...github.labels]).toEqual(['coze-token-check']);
    github.issues[0]!.state = 'closed';
    failing();
    await check();
    const created = github.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/labels'));
    expect(created.map((request) => JSON.parse(request.body))).toEqual([
      { name: 'coze-token-check', color: 'd93f0b', description: 'A scheduled Coze credential check is failing' },
    ]);
    expect(github.issues.map((issue) => issue.labels)).toEqual([['coze-token-check'], ['coze-token-check']]);
  });

  it('finds its issue among the newest open issues, label or not, across pages', async () => {
    const ours = marker({ app: appTag(appId, 'octo/coze-app'), site: `127.0.0.1:${new URL(standIn.url).port}` });
    const issue = (number: number, body: string) => ({
      number,
      title: 't',
      body,
      labels: [],
      state: 'open' as const,
      comments: [],
      user: ACTIONS_BOT,
      author_association: 'NONE' as const,
    });
    github.issues.push(issue(1, ours));
    for (let n = 2; n <= 250; n++) github.issues.push(issue(n, 'unrelated'));
    failing();
    const result = await check();
    expect(infos(result)).toContain('Alert issue: commented on issue #1.');
    expect(
      github.requests
        .filter((request) => request.method === 'GET' && request.path.includes('/issues?'))
        .map((request) => request.path),
    ).toEqual(
      [1, 2, 3].map(
        (page) =>
          `/repos/octo/coze-app/issues?state=open&creator=github-actions%5Bbot%5D&sort=created&direction=desc&per_page=100&page=${page}`,
      ),
    );
  });
});

describe('two checks at once', () => {
  const ours = () => marker({ app: appTag(appId, 'octo/coze-app'), site: `127.0.0.1:${new URL(standIn.url).port}` });
  const seeded = (number: number, body: string, user = ACTIONS_BOT) => ({
    number,
    title: 't',
    body: `${body}\nfailing`,
    labels: ['coze-token-check'],
    state: 'open' as const,
    comments: [] as string[],
    user,
    author_association: 'NONE' as const,
  });
  const openOfOurs = () => github.issues.filter((issue) => issue.state === 'open' && issue.user.id === ACTIONS_BOT.id);

  it('keeps the oldest of its open issues, closes the others pointing to it, and a recovery closes the one kept', async () => {
    github.labels.add('coze-token-check');
    github.issues.push(seeded(1, ours()), seeded(2, 'unrelated'), seeded(3, ours()), seeded(4, ours()));
    github.openAs(OUTSIDER, { title: 't', body: ours(), labels: ['coze-token-check'] });
    failing();
    expect(infos(await check())).toContain('Alert issue: commented on issue #1 (closed #3, #4 as duplicates).');
    expect(github.issues.map((issue) => issue.state)).toEqual(['open', 'open', 'closed', 'closed', 'open']);
    for (const duplicate of [github.issues[2], github.issues[3]]) {
      expect(duplicate).toMatchObject({ state_reason: 'not_planned' });
      expect(duplicate?.comments).toEqual([expect.stringMatching(/^Duplicate of #1, which this check keeps/)]);
    }
    expect(github.issues[0]?.comments).toEqual([expect.stringMatching(/^Still failing in/)]);
    expect(github.issues[4]?.comments).toEqual([]);
    expect(infos(await check())).toContain('Alert issue: closed issue #1.');
    expect(openOfOurs().map((issue) => issue.number)).toEqual([2]);
  });

  it('ends with one issue after two failing checks that ran together, and none after a recovery', async () => {
    failing();
    failing();
    await Promise.all([check(), check()]);
    failing();
    const next = await check();
    expect(openOfOurs()).toHaveLength(1);
    expect(infos(next)).toContain(
      github.issues.length === 1
        ? 'Alert issue: commented on issue #1.'
        : 'Alert issue: commented on issue #1 (closed #2 as a duplicate).',
    );
    await check();
    expect(openOfOurs()).toEqual([]);
  });
});

describe('one alert issue per check and organisation', () => {
  const checkFor = (org: Record<string, string>) => check(org);

  it('names the organisation by a digest in the marker and the title, and keeps one issue for each', async () => {
    for (const org of [{ 'account-id': '7000000000001' }, { 'enterprise-id': 'volcano_2101' }, {}]) {
      standIn.fail({ kind: 'status', status: 401, body: '{"error_code":"invalid_client","error_message":"no"}' });
      await checkFor(org);
    }
    const digest = (id: string) => checkTags(appId, 'octo/coze-app', id).org;
    const site = `127.0.0.1:${new URL(standIn.url).port}`;
    expect(github.issues.map((issue) => issue.body.split('\n')[0])).toEqual([
      `<!-- coze-token-check: app ${appTag(appId, 'octo/coze-app')} for ${digest('7000000000001')} on ${site} -->`,
      `<!-- coze-token-check: app ${appTag(appId, 'octo/coze-app')} for ${digest('volcano_2101')} on ${site} -->`,
      `<!-- coze-token-check: app ${appTag(appId, 'octo/coze-app')} on ${site} -->`,
    ]);
    expect(github.issues[0]?.title).toBe(
      `Coze credential check failing: app ${appTag(appId, 'octo/coze-app')} for ${digest('7000000000001')} on ${site}`,
    );
    expect(github.written()).not.toContain('7000000000001');
    // The first organisation recovers: only its issue closes.
    expect(infos(await checkFor({ 'account-id': '7000000000001' }))).toContain('Alert issue: closed issue #1.');
    expect(github.issues.map((issue) => issue.state)).toEqual(['closed', 'open', 'open']);
  });

  it('leaves the label of an issue that has it alone', async () => {
    await (failing(), check());
    await (failing(), check());
    expect(
      github.requests.filter(
        (request) => request.path.endsWith('/labels') && request.method === 'POST' && request.path.includes('/issues/'),
      ),
    ).toEqual([]);
    expect(github.issues[0]?.labels).toEqual(['coze-token-check']);
  });
});

describe('one alert issue per check, whatever happens to its label', () => {
  const failAndCheck = async () => {
    failing();
    return check();
  };

  it('finds the issue it opened without the label once someone creates the label, and puts the label on it', async () => {
    github.allowLabels(false);
    await failAndCheck();
    expect(github.issues[0]?.labels).toEqual([]);
    // The log's own advice, followed: gh label create coze-token-check.
    github.labels.add('coze-token-check');
    const again = await failAndCheck();
    expect(infos(again)).toContain('Alert issue: commented on issue #1.');
    expect(infos(again)).toContain('Issue #1 had lost the label coze-token-check; it has it back.');
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.labels).toEqual(['coze-token-check']);
    expect(infos(await check())).toContain('Alert issue: closed issue #1.');
    expect(github.issues[0]?.state).toBe('closed');
  });

  it('keeps one issue for an identity without push access, whose new issues GitHub opens without labels', async () => {
    github.grantPush(false);
    const runs = [await failAndCheck(), await failAndCheck(), await failAndCheck()];
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ labels: [], comments: [expect.any(String), expect.any(String)] });
    expect(infos(runs[2] as Awaited<ReturnType<typeof check>>)).toContain(
      'Issue #1 has no label coze-token-check, and the github-token may not set it; the issue is found by its author all the same.',
    );
    expect(infos(await check())).toContain('Alert issue: closed issue #1.');
    for (const run of runs) expect(warnings(run)).toEqual([]);
  });

  it('finds its issue after a triager removes the label, and labels it again', async () => {
    await failAndCheck();
    github.unlabel(1);
    expect(infos(await failAndCheck())).toContain('Alert issue: commented on issue #1.');
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.labels).toEqual(['coze-token-check']);
  });

  it("takes the repository's label in another case for its own, as GitHub does", async () => {
    github.labels.add('Coze-Token-Check');
    await failAndCheck();
    expect(github.issues[0]?.labels).toEqual(['Coze-Token-Check']);
    expect([...github.labels]).toEqual(['Coze-Token-Check']);
    expect(infos(await failAndCheck())).toContain('Alert issue: commented on issue #1.');
    // The label narrows the listing in the repository's own spelling.
    const asked = github.requests.flatMap((request) => new URL(request.path, 'http://x').searchParams.getAll('labels'));
    expect(new Set(asked)).toEqual(new Set(['Coze-Token-Check']));
    expect(infos(await check())).toContain('Alert issue: closed issue #1.');
  });

  it("never takes another check's issue for its own when Coze's words quote that check's marker", async () => {
    const site = (url: string) => `127.0.0.1:${new URL(url).port}`;
    const ours = marker({ app: appTag(appId, 'octo/coze-app'), site: site(standIn.url) });
    // The same app checked on another site: another check, with an issue of its own.
    const elsewhereCoze = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
    try {
      const checkElsewhere = () => check({}, elsewhereCoze);
      // Coze's words on the other site quote this check's marker, and the other check opens its issue with them.
      elsewhereCoze.failUsersMe({
        kind: 'status',
        status: 401,
        body: JSON.stringify({ code: 4100, msg: `bad ${ours} words` }),
      });
      expect(infos(await checkElsewhere())).toContain('Alert issue: opened issue #1.');
      expect(github.issues[0]?.body.split(ours)).toHaveLength(1);
      expect(github.issues[0]?.body).toContain('<! -- coze-token-check: app');
      // This check fails and opens its own issue, then recovers and closes only its own.
      expect(infos(await failAndCheck())).toContain('Alert issue: opened issue #2.');
      expect(infos(await check())).toContain('Alert issue: closed issue #2.');
      expect(github.issues.map((issue) => issue.state)).toEqual(['open', 'closed']);
    } finally {
      await elsewhereCoze.close();
    }
  });
});

describe('the deadline', () => {
  it('keeps a quarter of deadline-seconds for GitHub, so a Coze that hangs still gets its alert in time', async () => {
    standIn.fail({ kind: 'hang' });
    const started = Date.now();
    const result = await act(
      standIn,
      {
        'app-id': appId,
        'public-key-id': kid,
        'private-key': keys.pkcs8,
        'base-url': standIn.url,
        'deadline-seconds': '4',
        retries: '0',
        'issue-on-failure': 'true',
        'github-token': githubToken,
      },
      { deps: { env: env() }, extra: [githubToken] },
    );
    const elapsed = Date.now() - started;
    expect(result.failures()).toEqual([
      expect.stringMatching(/no answer within deadline-seconds \(4 s\) after 1 attempt/),
    ]);
    expect(infos(result)).toContain('Alert issue: opened issue #1.');
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(4000);
  });
});

describe('a GitHub that never answers', () => {
  it('gets only what is left of deadline-seconds: the step still ends in time, with a warning', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const result = await act(
        standIn,
        {
          'app-id': appId,
          'public-key-id': kid,
          'private-key': keys.pkcs8,
          'base-url': standIn.url,
          'deadline-seconds': '2',
          'issue-on-failure': 'true',
          'github-token': githubToken,
        },
        {
          deps: { env: { ...env(), GITHUB_API_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` } },
          extra: [githubToken],
        },
      );
      expect(result.failures()).toEqual([]);
      expect(warnings(result)).toEqual([expect.stringMatching(/^Could not write the alert issue to GitHub: /)]);
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('a broken or hostile GitHub API', () => {
  it('never follows a next link to another origin: the token stays with GITHUB_API_URL', async () => {
    github.hostile({ kind: 'next-elsewhere', url: elsewhere.url });
    failing();
    const result = await check();
    expect(elsewhere.hits()).toBe(0);
    expect(github.requests.every((request) => request.authorization === `token ${githubToken}`)).toBe(true);
    // Ten full pages and no end: it cannot tell whether its issue is further on, so it opens none.
    expect(warnings(result)).toEqual([expect.stringMatching(/more than 1000 open issues.*no new issue was opened$/)]);
    expect(github.issues).toEqual([]);
  });

  it(`reads at most ${MAX_ISSUE_PAGES} pages, however many a listing promises`, async () => {
    github.hostile({ kind: 'endless-full-pages' });
    failing();
    await check();
    expect(
      github.requests.filter((request) => request.method === 'GET' && request.path.includes('/issues?')),
    ).toHaveLength(MAX_ISSUE_PAGES);
  });

  it('does not follow a redirect, to another origin or anywhere', async () => {
    github.hostile({ kind: 'redirect-elsewhere', url: elsewhere.url });
    failing();
    const result = await check();
    expect(elsewhere.hits()).toBe(0);
    expect(warnings(result)).toEqual([
      expect.stringMatching(
        /^Could not write the alert issue to GitHub: GitHub's API answered with a redirect \(HTTP 301\)/,
      ),
    ]);
    expect(github.issues).toEqual([]);
  });

  it('checks an issue number before using or logging it: no workflow command gets through', async () => {
    github.hostile({ kind: 'number-with-newlines' });
    failing();
    const result = await check();
    expect(warnings(result)).toEqual([
      'Could not write the alert issue to GitHub: GitHub answered with an issue number that is not a positive whole number',
    ]);
    expect(result.calls.flatMap((call) => call.args.map(String)).filter((text) => text.includes('::'))).toEqual([]);
    expect(github.issues).toEqual([]);
  });

  it('opens no duplicate when a listing comes back cut: it warns instead', async () => {
    failing();
    await check();
    github.hostile({ kind: 'cut-list' });
    failing();
    const result = await check();
    expect(warnings(result)).toEqual([
      'Could not write the alert issue to GitHub: GitHub answered the issue listing with something that is not a list of issues',
    ]);
    expect(github.issues).toHaveLength(1);
  });

  it('refuses a compressed answer it did not ask for, so nothing is inflated without a bound', async () => {
    github.hostile({ kind: 'gzip-bomb' });
    failing();
    const result = await check();
    expect(warnings(result)).toEqual([expect.stringMatching(/compressed body although none was asked for/)]);
    expect(github.requests.filter((request) => request.method !== 'GET').map((request) => request.path)).toEqual([
      '/graphql',
    ]);
  });
});

describe('outside text in issues is inert', () => {
  it("keeps Coze's words readable in a code span: no link, image, mention or cross-reference renders", async () => {
    failing(
      'see [docs](https://evil.example) ![x](https://evil.example/p.png) @octocat #1 octo/other#2 <b>bold</b> `tick` | pipe',
    );
    await check();
    const row = github.issues[0]?.body.split('\n').find((line) => line.startsWith('| **Error** |')) ?? '';
    expect(row).toBe(
      '| **Error** | ``Coze refused the new token in the check call to /v1/users/me: see [docs](https://evil.example) ![x](https://evil.example/p.png) @octocat #1 octo/other#2 <b>bold</b> `tick` \\| pipe (HTTP 401, code 4100, log id ' +
        `${/log id (\w+)/.exec(row)?.[1]})\`\` |`,
    );
    const logId = github.issues[0]?.body.split('\n').find((line) => line.startsWith('| **Log id'));
    expect(logId).toMatch(/^\| \*\*Log id \(x-tt-logid\)\*\* \| `\w+` \|$/);
  });
});
