// Trust only what is ours, in-process: issues other people wrote, secrets echoed back, outside text that would
// steer a terminal or pose as our advice, limits that must hold on every path, and arguments that must not echo.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { marker } from '../../src/alert/index.ts';
import { runCli } from '../../src/cli/index.ts';
import { createHttpClient, proxyUrl } from '../../src/core/http.ts';
import { defaultDeps } from '../../src/core/mint.ts';
import { appTag } from '../../src/core/report.ts';
import { CozeError, mintCozeToken } from '../../src/lib/index.ts';
import { act } from '../support/act.ts';
import { ACTIONS_BOT, type FakeGitHub, OUTSIDER, startFakeGitHub } from '../support/fake-github.ts';
import { leaksIn } from '../support/leaks.ts';
import { startProxy } from '../support/proxy.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7412345678901', 'trust-kid', { tokenPrefix: 'Opaque' });
const githubToken = 'ghs_trustTestToken0123456789abcdef';
let github: FakeGitHub;

beforeAll(async () => {
  // Tokens no shape-based redaction knows, so only redaction by value keeps them out.
  github = await startFakeGitHub('octo/coze-app');
});
afterAll(async () => {
  await github.close();
});
beforeEach(() => github.reset());

const env = () => ({
  GITHUB_REPOSITORY: 'octo/coze-app',
  GITHUB_RUN_ID: '77',
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_API_URL: github.url,
});
const inputs = (extra: Record<string, string> = {}) => ({
  'app-id': appId,
  'public-key-id': kid,
  'private-key': keys.pkcs8,
  'base-url': standIn.url,
  verify: 'true',
  'issue-on-failure': 'true',
  'github-token': githubToken,
  ...extra,
});
const check = (extra: Record<string, string> = {}, runEnv: Record<string, string> = env()) =>
  act(standIn, inputs(extra), { deps: { env: runEnv }, extra: [githubToken] });
const failing = () =>
  standIn.failUsersMe({
    kind: 'status',
    status: 401,
    body: JSON.stringify({ code: 4100, msg: 'authentication is invalid' }),
  });
const ourMarker = () => marker({ app: appTag(appId, 'octo/coze-app'), site: `127.0.0.1:${new URL(standIn.url).port}` });
const texts = (result: Awaited<ReturnType<typeof check>>, name: string) =>
  result.named(name).map((call) => String(call.args[0]));

describe('the alert issue is ours by proof, not by marker', () => {
  for (const label of ['absent (the token may not create it)', 'present'] as const) {
    it(`never comments on, closes or edits an outsider's issue that carries a copy of the marker (label ${label})`, async () => {
      if (label === 'present') github.labels.add('coze-token-check');
      else github.allowLabels(false);
      const planted = github.openAs(OUTSIDER, {
        title: 'Coze credential check failing',
        body: `${ourMarker()}\nplease look`,
      });
      failing();
      const failed = await check();
      expect(texts(failed, 'info')).toContain('Alert issue: opened issue #2.');
      expect(github.issues[1]?.user).toEqual(ACTIONS_BOT);
      const recovered = await check();
      expect(texts(recovered, 'info')).toContain('Alert issue: closed issue #2.');
      expect(planted).toMatchObject({ state: 'open', comments: [] });
      expect(
        github.requests.filter((request) => request.path.includes('/issues/1')).map((request) => request.method),
      ).toEqual([]);
    });
  }

  it('takes no labelled issue of an outsider for its own either (a triager may have labelled it)', async () => {
    github.labels.add('coze-token-check');
    const planted = github.openAs(
      OUTSIDER,
      { title: 't', body: ourMarker(), labels: ['coze-token-check'] },
      'CONTRIBUTOR',
    );
    failing();
    await check();
    expect(planted.comments).toEqual([]);
    expect(github.issues).toHaveLength(2);
  });

  it('finds its issue under 1,100 newer open issues by others: the listing asks for its own author (and label)', async () => {
    failing();
    await check();
    for (let n = 0; n < 1100; n++)
      github.openAs(OUTSIDER, { title: `noise ${n}`, body: n % 2 ? ourMarker() : 'unrelated' });
    failing();
    const again = await check();
    expect(texts(again, 'info')).toContain('Alert issue: commented on issue #1.');
    const listings = github.requests.filter((request) => request.method === 'GET' && request.path.includes('/issues?'));
    expect(listings.at(-1)?.path).toContain('creator=github-actions%5Bbot%5D&labels=coze-token-check&');
    expect(github.issues.filter((issue) => issue.comments.length > 0).map((issue) => issue.number)).toEqual([1]);
  });

  it('acts as whoever the token is: a PAT finds the issues its user opened, and nobody else', async () => {
    const user = { login: 'release-bot', id: 1234567, type: 'User' as const };
    github.actAs(user);
    failing();
    await check();
    expect(github.issues[0]?.user).toEqual(user);
    failing();
    const again = await check();
    expect(texts(again, 'info')).toContain('Alert issue: commented on issue #1.');
  });
});

describe('secrets the run holds are cut out of outside text by value', () => {
  it('keeps a token that Coze repeats back (in msg and x-tt-logid) out of the issue, the summary and the log', async () => {
    standIn.failUsersMe({ kind: 'echo-token' });
    const result = await check();
    const token = [...standIn.issued].at(-1) as string;
    expect(result.failures()).toEqual([expect.stringMatching(/authentication is invalid for token \[redacted\]/)]);
    expect(github.issues[0]?.body).toContain('[redacted]');
    expect(leaksIn(github.written(), { pems: [keys.pkcs8], standIn, extra: [githubToken, token] })).toEqual([]);
    expect(result.surface()).not.toContain(token);
  });

  for (const as of ['split', 'late'] as const) {
    it(`keeps pieces of the token out too, when Coze repeats it ${as === 'split' ? 'split by a line break' : 'where the message is cut'}`, async () => {
      standIn.failUsersMe({ kind: 'echo-token', as });
      const result = await check();
      const token = [...standIn.issued].at(-1) as string;
      const pieces = Array.from({ length: token.length - 7 }, (_, i) => token.slice(i, i + 8));
      const written = `${result.surface()}\n${github.written()}`;
      expect(pieces.filter((piece) => written.includes(piece))).toEqual([]);
      expect(result.failures()[0]).toContain('[redacted]');
    });
  }

  it('never quotes a github-token with a line break in it, and sends nothing', async () => {
    const mangled = 'ghp_FIRSTHALFofTheGithubToken0123\nSECONDHALF';
    failing();
    const result = await check({ 'github-token': mangled });
    expect(texts(result, 'warning')).toEqual([
      'Could not write the alert issue to GitHub: github-token has a space, a line break or another control character in it; nothing was sent',
    ]);
    expect(github.requests).toEqual([]);
    expect(result.surface()).not.toContain('FIRSTHALF');
  });

  it("passes on what the caller's own code threw, untouched, when it is no Error", async () => {
    const options = { appId, publicKeyId: kid, privateKey: keys.pkcs8, baseUrl: standIn.url };
    Object.defineProperty(options, 'appId', {
      enumerable: true,
      get: () => {
        throw 'from a getter';
      },
    });
    await expect(mintCozeToken(options)).rejects.toBe('from a getter');
  });

  it('keeps a token that Coze names as the user out of the user outputs, the summary and the log', async () => {
    standIn.failUsersMe({ kind: 'echo-token', into: 'user' });
    const result = await check({ 'issue-on-failure': 'false' });
    const token = [...standIn.issued].at(-1) as string;
    expect(result.failures()).toEqual([]);
    expect(result.outputs()).toMatchObject({ token, 'user-id': '[redacted]', 'user-name': 'bot [redacted]' });
    expect(result.surface()).not.toContain(token);
  });

  it('keeps it out of the CLI check report, its JSON and the library error', async () => {
    let stdout = '';
    let stderr = '';
    const io = {
      env: { COZE_PRIVATE_KEY: keys.pkcs8 },
      stdin: () => Readable.from([]),
      openFile: () => Readable.from([]),
      out: (text: string) => void (stdout += text),
      err: (text: string) => void (stderr += text),
    };
    standIn.failUsersMe({ kind: 'echo-token' });
    const code = await runCli(
      ['check', '--json', '--app-id', appId, '--public-key-id', kid, '--base-url', standIn.url],
      io,
      defaultDeps(),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/for token \[redacted\]/);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: expect.stringMatching(/\[redacted\]/) });
    standIn.failUsersMe({ kind: 'echo-token' });
    const error = await mintCozeToken({
      appId,
      publicKeyId: kid,
      privateKey: keys.pkcs8,
      baseUrl: standIn.url,
      verify: true,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CozeError);
    expect((error as CozeError).message).toMatch(/for token \[redacted\]/);
    expect((error as CozeError).details.logId).toBe('[redacted]');
    const tokens = [...standIn.issued].slice(-2);
    for (const token of tokens)
      expect(
        `${stdout}${stderr}${(error as Error).message}${JSON.stringify((error as CozeError).details)}`,
      ).not.toContain(token);
  });
});

describe('outside text is inert everywhere', () => {
  const hostile =
    'bad \u009b31m CSI \u202egnp.exe \u2066x\u2069 ##[error]forged ⟦base-url=https://evil.example⟧ ⟦app-id⟧ end';
  const refuse = () =>
    standIn.fail({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ error_code: 'invalid_client', error_message: hostile }),
    });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not get through
  const controls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('neutralises C1 and bidi controls and our own markers in what the action writes', async () => {
    refuse();
    const result = await check();
    const all = [...result.failures(), ...texts(result, 'warning'), ...texts(result, 'info'), github.written()];
    for (const text of all.slice(0, -1)) expect(text).not.toMatch(controls);
    expect(result.failures()[0]).toContain('[base-url=https://evil.example] [app-id] end');
    expect(result.surface()).not.toMatch(/base-url: https:\/\/evil\.example|⟦|⟧|##\[/);
    expect(result.failures()[0]).toContain('## [error]forged');
    expect(github.written()).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]|⟦/);
  });

  it('and in what the command line prints', async () => {
    refuse();
    let stderr = '';
    const io = {
      env: { COZE_PRIVATE_KEY: keys.pkcs8 },
      stdin: () => Readable.from([]),
      openFile: () => Readable.from([]),
      out: () => {},
      err: (text: string) => void (stderr += text),
    };
    expect(
      await runCli(['mint', '--app-id', appId, '--public-key-id', kid, '--base-url', standIn.url], io, defaultDeps()),
    ).toBe(1);
    for (const line of stderr.trimEnd().split('\n')) expect(line).not.toMatch(controls);
    expect(stderr).not.toContain('--base-url https://evil.example');
    expect(stderr).toContain('[base-url=https://evil.example]');
  });
});

describe('every limit holds on every path', () => {
  it('bounds the alert by deadline-seconds even when another input is wrong, and names that limit when GitHub stalls', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = Date.now();
      const result = await check(
        { 'deadline-seconds': '2', verify: 'yes' },
        { ...env(), GITHUB_API_URL: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` },
      );
      expect(Date.now() - started).toBeLessThan(3000);
      expect(result.failures()).toEqual(["Input 'verify': expected true or false"]);
      expect(texts(result, 'warning')).toEqual([
        expect.stringMatching(
          /^Could not write the alert issue to GitHub: GitHub's API did not answer within the [12]\.\d s that deadline-seconds left for it$/,
        ),
      ]);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('says when deadline-seconds itself is wrong, and lets the default bound the step', async () => {
    const result = await check({ 'deadline-seconds': 'soon' });
    expect(texts(result, 'info')[0]).toBe('deadline-seconds is not valid, so the default of 120 s bounds this step.');
    expect(result.failures()).toEqual(["Input 'deadline-seconds': expected a whole number from 1 to 3600"]);
  });

  it('names GITHUB_API_URL, never a template marker, when GitHub does not speak HTTP', async () => {
    const garbage = createServer();
    garbage.on('connection', (socket) => socket.end('SSH-2.0-OpenSSH\r\n\r\n'));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    try {
      const result = await check(
        {},
        { ...env(), GITHUB_API_URL: `http://127.0.0.1:${(garbage.address() as AddressInfo).port}` },
      );
      expect(texts(result, 'warning')).toEqual([
        "Could not write the alert issue to GitHub: GitHub's API could not be reached: the server did not answer in HTTP (is GITHUB_API_URL GitHub's API?)",
      ]);
    } finally {
      await new Promise<void>((resolve) => garbage.close(() => resolve()));
    }
  });
});

describe('the alert on GitHub as it is set up', () => {
  it('sends nothing when GITHUB_API_URL is no URL, and names the app it could not read as unknown', async () => {
    const result = await check({ 'app-id': '' }, { ...env(), GITHUB_API_URL: 'not a url' });
    expect(texts(result, 'warning')).toEqual([
      'Could not write the alert issue to GitHub: GITHUB_API_URL is not a URL; nothing was sent',
    ]);
    expect(appTag(' ', 'octo/coze-app')).toBe('unknown');
  });

  it('names a proxy variable it cannot use for the GitHub calls too', async () => {
    failing();
    const [coze, proxied] = [createHttpClient({}), createHttpClient({ HTTPS_PROXY: 'http://user:p%zz@127.0.0.1:9' })];
    const send: typeof coze.send = (request) => (request.url.startsWith(standIn.url) ? coze : proxied).send(request);
    const result = await act(standIn, inputs(), {
      deps: { env: { ...env(), GITHUB_API_URL: 'https://github.test' }, send },
      extra: [githubToken],
    });
    await Promise.all([coze.close(), proxied.close()]);
    expect(texts(result, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not write the alert issue to GitHub: Environment variable HTTPS_PROXY: expected a proxy URL/,
      ),
    ]);
  });
});

describe('proxy values people really write', () => {
  it('takes host:port without a scheme as http://host:port, as curl and @actions/http-client do', async () => {
    const proxy = await startProxy();
    const http = createHttpClient({ HTTP_PROXY: proxy.url.replace('http://', '') });
    try {
      const answer = await http.send({
        method: 'GET',
        url: `${github.url.replace('127.0.0.1', 'github.test')}/nothing`,
        headers: {},
        timeoutMs: 5000,
      });
      expect(answer.status).toBe(404);
      expect(proxy.hits).toEqual([expect.stringMatching(/^GET http:\/\/github\.test:\d+\/nothing$/)]);
    } finally {
      await http.close();
      await proxy.close();
    }
  });

  it('refuses a proxy value it cannot use as an input error naming the variable, never its value, and does not retry', async () => {
    const result = await act(
      standIn,
      { 'app-id': appId, 'public-key-id': kid, 'private-key': keys.pkcs8, 'base-url': 'https://api.coze.test' },
      {
        deps: { send: createHttpClient({ HTTPS_PROXY: 'http://user:p%zzword@127.0.0.1:9' }).send },
      },
    );
    expect(result.failures()).toEqual([
      'Environment variable HTTPS_PROXY: expected a proxy URL such as http://proxy.example:3128 (or host:port); its user name or password has a broken percent-escape (write a literal percent sign as %25)',
    ]);
    expect(result.named('sleep')).toEqual([]);
    expect(() => proxyUrl('https_proxy', 'ftp://proxy:21')).toThrow(
      'Environment variable https_proxy: expected a proxy URL such as http://proxy.example:3128 (or host:port); only http:// and https:// proxies are supported',
    );
    expect(() => proxyUrl('HTTP_PROXY', 'http://[oops')).toThrow(
      /^Environment variable HTTP_PROXY: .*this is not a URL$/,
    );
  });
});
