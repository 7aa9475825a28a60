// The GitHub client's own edges, against small local servers: labels in a race, errors it must not swallow,
// listing entries that are no issues, and requests it must refuse to send.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchThrough, githubIssues } from '../../src/alert/github-issues.ts';
import { ALERT_LABEL_SPEC, describeGitHubError } from '../../src/alert/index.ts';
import { createHttpClient } from '../../src/core/http.ts';
import { ROOT } from '../support/paths.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_, res) => res.end();
const server = createServer((req, res) => handler(req, res));
const http = createHttpClient();
let apiUrl: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await http.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};
const api = () =>
  githubIssues(
    'ghs_edge',
    { repository: 'o/r', runId: '1', serverUrl: 'https://github.example', apiUrl },
    http.send,
    () => 5000,
    'test',
  );

const me = { login: 'github-actions[bot]', id: 41898282 };
const mine = (issue: Record<string, unknown>) => ({ user: { login: me.login, id: me.id }, ...issue });

describe('labels', () => {
  it('takes a 422 "already exists" to creating it as there, as when another run made it first', async () => {
    handler = (_, res) => json(res, 422, { message: 'Validation Failed' });
    expect(await api().createLabel(ALERT_LABEL_SPEC)).toBe('exists');
  });

  it("says whether the label is there (in the repository's spelling), or was made, or may not be made (401, 403 or 404 to creating it)", async () => {
    handler = (_, res) => json(res, 200, { name: 'coze-token-check' });
    expect(await api().findLabel('coze-token-check')).toBe('coze-token-check');
    handler = (_, res) => json(res, 200, { name: 'Coze-Token-Check' });
    expect(await api().findLabel('coze-token-check')).toBe('Coze-Token-Check');
    handler = (_, res) => json(res, 200, { name: 'something else entirely' });
    expect(await api().findLabel('coze-token-check')).toBe('coze-token-check');
    handler = (_, res) => json(res, 404, { message: 'Not Found' });
    expect(await api().findLabel('coze-token-check')).toBeUndefined();
    handler = (_, res) => json(res, 201, { name: 'coze-token-check' });
    expect(await api().createLabel(ALERT_LABEL_SPEC)).toBe('created');
    for (const status of [401, 403, 404]) {
      handler = (_, res) => json(res, status, { message: 'no' });
      expect(await api().createLabel(ALERT_LABEL_SPEC)).toBe('refused');
    }
  });

  it('passes on a server error while looking or creating, rather than guessing', async () => {
    handler = (_, res) => json(res, 500, { message: 'boom' });
    await expect(api().findLabel('coze-token-check')).rejects.toMatchObject({ status: 500 });
    handler = (_, res) => json(res, 502, { message: 'bad gateway' });
    await expect(api().createLabel(ALERT_LABEL_SPEC)).rejects.toMatchObject({ status: 502 });
  });
});

describe('viewer', () => {
  it("asks GraphQL who the token is, and checks the answer's shape", async () => {
    handler = (_, res) => json(res, 200, { data: { viewer: { login: 'github-actions[bot]', databaseId: 41898282 } } });
    expect(await api().viewer()).toEqual(me);
    handler = (_, res) => json(res, 200, { data: null });
    await expect(api().viewer()).rejects.toThrow(
      "GitHub did not say whose the github-token is (no login in the viewer's answer)",
    );
    for (const viewer of [
      null,
      {},
      { login: 'a\n::warning::x', databaseId: 1 },
      { login: 'ok', databaseId: 0 },
      { login: 'ok', databaseId: '7' },
      { login: 7 },
      { login: 7, databaseId: 5 },
    ]) {
      handler = (_, res) => json(res, 200, { data: { viewer } });
      await expect(api().viewer()).rejects.toThrow(
        /GitHub (did not say whose the github-token is|answered with the token's user id that is not)/,
      );
    }
  });
});

describe('findOpen', () => {
  const find = (matches: (issue: { number: number; body: string }) => boolean, label?: string) =>
    api().findOpen({ author: me, ...(label && { label }) }, matches);

  it('reads on past a page with matches until a page has none, and gives them oldest first', async () => {
    const pages: string[] = [];
    // Newest first, 100 a page: 400 down to 1, ours 310 to 290 (across pages 1 and 2) and 50 (page 4).
    const ours = (number: number) => (number >= 290 && number <= 310) || number === 50;
    handler = (req, res) => {
      const page = Number(new URL(req.url ?? '/', apiUrl).searchParams.get('page'));
      pages.push(String(page));
      const numbers = Array.from({ length: 100 }, (_, i) => 400 - (page - 1) * 100 - i);
      json(
        res,
        200,
        numbers.map((number) => mine({ number, body: ours(number) ? 'mark' : 'other' })),
      );
    };
    const found = await find((issue) => issue.body === 'mark');
    expect(found.map((issue) => issue.number)).toEqual(Array.from({ length: 21 }, (_, i) => 290 + i));
    expect(pages).toEqual(['1', '2', '3']);
  });

  it('gives what it found when every page it may read has a match: duplicates to converge, not an error', async () => {
    // 1,000 issues, newest first; one of ours on each of the ten pages.
    handler = (req, res) => {
      const page = Number(new URL(req.url ?? '/', apiUrl).searchParams.get('page'));
      const numbers = Array.from({ length: 100 }, (_, i) => 1000 - (page - 1) * 100 - i);
      json(
        res,
        200,
        numbers.map((number) => mine({ number, body: number % 100 === 50 ? 'mark' : 'other' })),
      );
    };
    const found = await find((issue) => issue.body === 'mark');
    expect(found.map((issue) => issue.number)).toEqual(Array.from({ length: 10 }, (_, i) => 50 + i * 100));
  });

  it('refuses a listing entry that is not an issue', async () => {
    for (const entry of [null, 'x', 7, { number: 1, body: 7 }]) {
      handler = (_, res) => json(res, 200, [entry]);
      await expect(find(() => true)).rejects.toThrow(
        'GitHub answered the issue listing with an entry that is not an issue',
      );
    }
    for (const entry of [{ number: 0, body: '' }, { number: 1.5, body: '' }, { number: '1', body: '' }, { body: '' }]) {
      handler = (_, res) => json(res, 200, [entry]);
      await expect(find(() => true)).rejects.toThrow(
        'GitHub answered with an issue number that is not a positive whole number',
      );
    }
  });

  it('skips pull requests and takes an empty body as empty', async () => {
    handler = (_, res) =>
      json(res, 200, [
        mine({ number: 4, body: 'mark', pull_request: { url: 'x' } }),
        mine({ number: 3, body: null }),
        mine({ number: 2 }),
        mine({ number: 1, body: 'pr?', pull_request: null }),
      ]);
    expect(await find((issue) => issue.body === 'mark')).toEqual([]);
    expect(await find((issue) => issue.body === '')).toEqual([
      { number: 2, body: '', labels: [] },
      { number: 3, body: '', labels: [] },
    ]);
    expect(await find((issue) => issue.number === 2)).toEqual([{ number: 2, body: '', labels: [] }]);
    expect(await find((issue) => issue.body === 'pr?')).toEqual([{ number: 1, body: 'pr?', labels: [] }]);
  });

  it("takes only the token's own issues, whatever the listing's filter let through, and only labelled ones when asked", async () => {
    handler = (_, res) =>
      json(res, 200, [
        { number: 5, body: 'mark', user: { login: me.login, id: 6660666 } },
        { number: 4, body: 'mark', user: null },
        { number: 3, body: 'mark' },
        mine({ number: 2, body: 'mark', labels: [] }),
        mine({ number: 1, body: 'mark', labels: [{ name: 'Coze-Token-CHECK' }] }),
      ]);
    expect(await find((issue) => issue.body === 'mark')).toEqual([
      { number: 1, body: 'mark', labels: ['Coze-Token-CHECK'] },
      { number: 2, body: 'mark', labels: [] },
    ]);
    // Label names compare without regard to case, as GitHub's do.
    expect(await find((issue) => issue.body === 'mark', 'coze-token-check')).toEqual([
      { number: 1, body: 'mark', labels: ['Coze-Token-CHECK'] },
    ]);
    // GitHub may give a label as its name alone; what is neither a name nor a label with one is no label.
    handler = (_, res) =>
      json(res, 200, [mine({ number: 6, body: 'mark', labels: ['coze-token-check', null, { name: 5 }, 7, {}] })]);
    expect(await find((issue) => issue.body === 'mark', 'coze-token-check')).toEqual([
      { number: 6, body: 'mark', labels: ['coze-token-check', '', '', '', ''] },
    ]);
  });

  it('puts the label on an issue, and takes 401, 403, 404 and 422 as the token may not', async () => {
    const asked: string[] = [];
    handler = (req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on(
        'end',
        () => (asked.push(`${req.method} ${req.url} ${body}`), json(res, 200, [{ name: 'coze-token-check' }])),
      );
    };
    expect(await api().addLabel(7, 'Coze-Token-Check')).toBe('added');
    expect(asked).toEqual([
      expect.stringMatching(/^POST \/repos\/[^/]+\/[^/]+\/issues\/7\/labels \{"labels":\["Coze-Token-Check"\]\}$/),
    ]);
    for (const status of [401, 403, 404, 422]) {
      handler = (_, res) => json(res, status, { message: 'no' });
      expect(await api().addLabel(7, 'coze-token-check')).toBe('refused');
    }
    handler = (_, res) => json(res, 500, { message: 'boom' });
    await expect(api().addLabel(7, 'coze-token-check')).rejects.toMatchObject({ status: 500 });
  });

  it('asks GitHub for the author (and the label) and takes GITHUB_API_URL with trailing slashes as the same API', async () => {
    const paths: string[] = [];
    handler = (req, res) => {
      paths.push(req.url ?? '');
      json(res, 200, []);
    };
    for (const suffix of ['/', '//']) {
      const context = {
        repository: 'o/r',
        runId: '1',
        serverUrl: 'https://github.example',
        apiUrl: `${apiUrl}${suffix}`,
      };
      await githubIssues('ghs_edge', context, http.send, () => 5000, 'test').findOpen(
        { author: me, label: 'coze-token-check' },
        () => true,
      );
    }
    expect(paths).toEqual(
      Array(2).fill(
        '/repos/o/r/issues?state=open&creator=github-actions%5Bbot%5D&labels=coze-token-check&sort=created&direction=desc&per_page=100&page=1',
      ),
    );
  });
});

describe('fetchThrough', () => {
  it('refuses to send anywhere but the API origin, and with no time left', async () => {
    let sent = 0;
    const fetch = fetchThrough(
      async () => {
        sent++;
        return { status: 204, headers: {}, body: '' };
      },
      'https://api.github.com',
      () => 1000,
    );
    await expect(fetch('https://evil.example/repos/o/r/issues')).rejects.toThrow(
      'a request to https://evil.example was refused: the github-token goes only to https://api.github.com',
    );
    await expect(fetch('https://api.github.com.evil.example/x')).rejects.toThrow(/was refused/);
    expect((await fetch('https://api.github.com/x', { method: 'patch', body: '{}' })).status).toBe(204);
    expect(sent).toBe(1);
  });

  it('asks for an uncompressed answer, refuses redirects (300 to 399) and any encoding but identity', async () => {
    let answer = { status: 200, headers: {} as Record<string, string | undefined>, body: '[]' };
    const asked: Array<Record<string, string>> = [];
    const fetch = fetchThrough(
      async (request) => {
        asked.push(request.headers);
        return answer;
      },
      'https://api.github.com',
      () => 1000,
    );
    await fetch('https://api.github.com/x', { headers: { accept: 'application/json' } });
    expect(asked[0]).toMatchObject({ accept: 'application/json', 'accept-encoding': 'identity' });
    for (const status of [300, 301, 399]) {
      answer = { status, headers: {}, body: '' };
      await expect(fetch('https://api.github.com/x')).rejects.toThrow(
        `GitHub's API answered with a redirect (HTTP ${status}), which is not followed`,
      );
    }
    for (const status of [299, 400]) {
      answer = { status, headers: {}, body: '{}' };
      expect((await fetch('https://api.github.com/x')).status).toBe(status);
    }
    answer = { status: 200, headers: { 'content-encoding': 'identity', 'x-a': 'b', 'x-gone': undefined }, body: '[]' };
    const response = await fetch('https://api.github.com/x');
    expect([response.headers.get('x-a'), response.headers.has('x-gone'), await response.text()]).toEqual([
      'b',
      false,
      '[]',
    ]);
    answer = { status: 200, headers: { 'content-encoding': 'br' }, body: '' };
    await expect(fetch('https://api.github.com/x')).rejects.toThrow(
      'GitHub answered with a compressed body although none was asked for',
    );
  });
});

describe('certificates', () => {
  it('sends the github-token to no untrusted certificate, whatever NODE_TLS_REJECT_UNAUTHORIZED says', async () => {
    const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/tls', name), 'utf8');
    const authorizations: Array<string | undefined> = [];
    const secure = createTlsServer({ key: fixture('server-key.pem'), cert: fixture('server-cert.pem') }, (req, res) => {
      authorizations.push(req.headers.authorization);
      json(res, 200, { name: 'coze-token-check' });
    });
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      const context = {
        repository: 'o/r',
        runId: '1',
        serverUrl: 'https://github.example',
        apiUrl: `https://127.0.0.1:${(secure.address() as AddressInfo).port}`,
      };
      const failure = await githubIssues('ghs_edge', context, http.send, () => 5000, 'test')
        .findLabel('coze-token-check')
        .catch((error: unknown) => error);
      const unknown = 'the certificate was signed by an unknown authority (UNABLE_TO_VERIFY_LEAF_SIGNATURE)';
      const refused = "GitHub's API could not be reached: TLS certificate verification failed";
      expect(describeGitHubError(failure)).toBe(`${refused}: ${unknown}`);
      expect(authorizations).toEqual([]);
    } finally {
      delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
    }
  });
});
