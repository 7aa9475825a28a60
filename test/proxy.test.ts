// Proxy settings in-process: HTTP_PROXY is read when a run's HTTP client first sends, so this file sets it before
// any request, and checks that the GitHub calls go through it while the loopback Coze calls go around it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { githubIssues } from '../src/github-issues.ts';
import { createHttpClient } from '../src/http.ts';
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

it('sends the alert issue calls through HTTP_PROXY, and the loopback Coze calls around it', async () => {
  standIn.failUsersMe({ kind: 'status', status: 401, body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }) });
  // A name that is not loopback goes through the proxy, which sends it on to 127.0.0.1.
  const githubApi = github.url.replace('127.0.0.1', 'github.test');
  const env = { GITHUB_REPOSITORY: 'octo/coze-app', GITHUB_RUN_ID: '5', GITHUB_API_URL: githubApi };
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
  const gh = new URL(githubApi).host;
  expect(proxy.hits).toEqual([
    `GET http://${gh}/repos/octo/coze-app/issues?state=open&sort=created&direction=desc&per_page=100&page=1`,
    `GET http://${gh}/repos/octo/coze-app/labels/coze-token-check`,
    `POST http://${gh}/repos/octo/coze-app/labels`,
    `POST http://${gh}/repos/octo/coze-app/issues`,
  ]);
  expect(standIn.requests.slice(-2).map((request) => request.path)).toEqual(['/api/permission/oauth2/token', '/v1/users/me']);
});

it('gives up on a GitHub API that does not answer within the time it has', async () => {
  const silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const http = createHttpClient();
  try {
    const context = {
      repository: 'o/r',
      runId: '1',
      serverUrl: 'https://github.example',
      apiUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
    };
    const api = githubIssues('ghs_x', context, http.send, () => 300, 'test');
    const started = Date.now();
    await expect(api.findOpen(() => true)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(githubIssues('ghs_x', context, http.send, () => 0, 'test').findOpen(() => true)).rejects.toThrow('no time was left within deadline-seconds');
  } finally {
    await http.close();
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});
