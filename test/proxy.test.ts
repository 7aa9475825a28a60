// Proxy settings in-process: HTTP_PROXY is read when the first request builds the shared agent, so this file
// sets it before any request (vitest gives each test file its own modules), and checks that the Coze calls and
// the GitHub calls both go through it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { githubIssues } from '../src/github-issues.ts';
import { act } from './support/act.ts';
import { type CozeStandIn, startCozeStandIn } from './support/coze-stand-in.ts';
import { type FakeGitHub, startFakeGitHub } from './support/fake-github.ts';
import { makeRsaKeys } from './support/keys.ts';
import { startProxy } from './support/proxy.ts';

const keys = makeRsaKeys();
const appId = '7422222222222';
const kid = 'proxy-kid';
const saved = Object.fromEntries(['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'].map((name) => [name, process.env[name]]));
let standIn: CozeStandIn;
let github: FakeGitHub;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid });
  github = await startFakeGitHub('octo/coze-app');
  proxy = await startProxy();
  for (const name of Object.keys(saved)) delete process.env[name];
  process.env.HTTP_PROXY = proxy.url;
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await Promise.all([standIn.close(), github.close(), proxy.close()]);
});

it('sends the Coze calls and the alert issue calls through HTTP_PROXY', async () => {
  standIn.failUsersMe({ kind: 'status', status: 401, body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }) });
  const env = { GITHUB_REPOSITORY: 'octo/coze-app', GITHUB_RUN_ID: '5', GITHUB_API_URL: github.url };
  const result = await act(
    standIn,
    {
      'app-id': appId,
      'public-key-id': kid,
      'private-key': keys.pkcs8,
      'base-url': standIn.url,
      verify: 'true',
      'issue-on-failure': 'true',
      'github-token': 'ghs_proxyTest000000000000000',
    },
    { deps: { env } },
  );
  expect(result.failures()).toHaveLength(1);
  expect(github.issues).toHaveLength(1);
  const coze = new URL(standIn.url).host;
  const gh = new URL(github.url).host;
  expect(proxy.hits).toEqual([
    `POST http://${coze}/api/permission/oauth2/token`,
    `GET http://${coze}/v1/users/me`,
    `GET http://${gh}/repos/octo/coze-app/issues?labels=coze-token-check&state=open&per_page=100`,
    `POST http://${gh}/repos/octo/coze-app/issues`,
  ]);
});

it('gives up on a GitHub API that does not answer within the timeout', async () => {
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  process.env.NO_PROXY = '127.0.0.1';
  try {
    const api = githubIssues(
      'ghs_x',
      { repository: 'o/r', runId: '1', serverUrl: 'https://github.example', apiUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
      300,
      'test',
    );
    const started = Date.now();
    await expect(api.listOpen('coze-token-check')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  } finally {
    delete process.env.NO_PROXY;
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});
