// The GitHub client's own edges, against small local servers: labels in a race, errors it must not swallow,
// listing entries that are no issues, and requests it must refuse to send.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_LABEL_SPEC } from '../src/alert.ts';
import { fetchThrough, githubIssues } from '../src/github-issues.ts';
import { createHttpClient } from '../src/http.ts';

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
const api = () => githubIssues('ghs_edge', { repository: 'o/r', runId: '1', serverUrl: 'https://github.example', apiUrl }, http.send, () => 5000, 'test');

describe('ensureLabel', () => {
  it('takes a 422 "already exists" to creating it as there, as when another run made it first', async () => {
    handler = (req, res) => (req.method === 'GET' ? json(res, 404, { message: 'Not Found' }) : json(res, 422, { message: 'Validation Failed' }));
    expect(await api().ensureLabel(ALERT_LABEL_SPEC)).toBe('exists');
  });

  it('passes on a server error while looking or creating, rather than guessing', async () => {
    handler = (_, res) => json(res, 500, { message: 'boom' });
    await expect(api().ensureLabel(ALERT_LABEL_SPEC)).rejects.toMatchObject({ status: 500 });
    handler = (req, res) => (req.method === 'GET' ? json(res, 404, { message: 'Not Found' }) : json(res, 502, { message: 'bad gateway' }));
    await expect(api().ensureLabel(ALERT_LABEL_SPEC)).rejects.toMatchObject({ status: 502 });
  });
});

describe('findOpen', () => {
  it('refuses a listing entry that is not an issue', async () => {
    for (const entry of [null, 'x', { number: 1, body: 7 }, { number: 0, body: '' }, { number: 1.5, body: '' }]) {
      handler = (_, res) => json(res, 200, [entry]);
      await expect(api().findOpen(() => true)).rejects.toThrow(/not an issue|not a positive whole number/);
    }
  });

  it('skips pull requests and takes an empty body as empty', async () => {
    handler = (_, res) =>
      json(res, 200, [
        { number: 3, body: 'mark', pull_request: { url: 'x' } },
        { number: 2, body: null },
        { number: 1, body: 'mark' },
      ]);
    expect(await api().findOpen((issue) => issue.body === 'mark')).toEqual({ number: 1, body: 'mark' });
    expect(await api().findOpen((issue) => issue.body === '')).toEqual({ number: 2, body: '' });
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
});
