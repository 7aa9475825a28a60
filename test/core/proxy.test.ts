// Proxy settings in-process: HTTP_PROXY is read when a run's HTTP client first sends, so this file sets it before
// any request, and checks that the GitHub calls go through it while the loopback Coze calls go around it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { githubIssues } from '../../src/alert/github-issues.ts';
import { createHttpClient } from '../../src/core/http.ts';
import { act } from '../support/act.ts';
import { type FakeGitHub, startFakeGitHub } from '../support/fake-github.ts';
import { startProxy } from '../support/proxy.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7422222222222', 'proxy-kid');
const saved = Object.fromEntries(
  ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'].map((name) => [
    name,
    process.env[name],
  ]),
);
let github: FakeGitHub;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  github = await startFakeGitHub('octo/coze-app');
  proxy = await startProxy();
  for (const name of Object.keys(saved)) delete process.env[name];
  process.env.HTTP_PROXY = proxy.url;
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await Promise.all([github.close(), proxy.close()]);
});

it('sends the github-token nowhere in clear: an http:// GITHUB_API_URL off loopback is refused, and the proxy sees nothing', async () => {
  standIn.failUsersMe({
    kind: 'status',
    status: 401,
    body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }),
  });
  // A name that is not loopback would go through the proxy, in clear.
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
  expect(result.named('warning').map((call) => call.args[0])).toEqual([
    'Could not write the alert issue to GitHub: GITHUB_API_URL is not an https:// URL, and the github-token is sent only over https (or to localhost); nothing was sent',
  ]);
  expect(proxy.hits).toEqual([]);
  expect(github.requests).toEqual([]);
  expect(standIn.requests.slice(-2).map((request) => request.path)).toEqual([
    '/api/permission/oauth2/token',
    '/v1/users/me',
  ]);
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
    await expect(api.findLabel('x')).rejects.toThrow(
      /did not answer within the 0.3 s that deadline-seconds left for it/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(githubIssues('ghs_x', context, http.send, () => 0, 'test').findLabel('x')).rejects.toThrow(
      'no time was left for GitHub within deadline-seconds',
    );
  } finally {
    await http.close();
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});
