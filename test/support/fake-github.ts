import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  state_reason?: string;
  comments: string[];
  /** A pull request: the issues API lists those too. */
  pull?: boolean;
}

export interface GitHubRequest {
  method: string;
  path: string;
  authorization?: string;
  body: string;
}

/**
 * The part of GitHub's REST API that alert issues use, on 127.0.0.1: list a repository's issues by label and
 * state, create one, comment on one, close one. `refuse(status)` answers everything with that status.
 */
export async function startFakeGitHub(repository = 'octo/coze-app') {
  const issues: FakeIssue[] = [];
  const requests: GitHubRequest[] = [];
  const sockets = new Set<Socket>();
  let refusal: number | undefined;

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      body,
      ...(req.headers.authorization && { authorization: req.headers.authorization }),
    });
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (refusal !== undefined) return send(refusal, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    const base = `/repos/${repository}/issues`;
    const json = () => JSON.parse(body || '{}') as Record<string, unknown>;
    // As GitHub does: an empty body is null, and a pull request carries pull_request.
    const view = (issue: FakeIssue) => ({
      number: issue.number,
      title: issue.title,
      body: issue.body || null,
      state: issue.state,
      labels: issue.labels.map((name) => ({ name })),
      ...(issue.pull && { pull_request: { url: `${base}/${issue.number}` } }),
    });

    if (req.method === 'GET' && url.pathname === base) {
      const label = url.searchParams.get('labels');
      const state = url.searchParams.get('state') ?? 'open';
      return send(200, issues.filter((issue) => (!label || issue.labels.includes(label)) && (state === 'all' || issue.state === state)).map(view));
    }
    if (req.method === 'POST' && url.pathname === base) {
      const { title, body: text, labels } = json() as { title: string; body: string; labels?: string[] };
      const issue: FakeIssue = { number: issues.length + 1, title, body: text, labels: labels ?? [], state: 'open', comments: [] };
      issues.push(issue);
      return send(201, view(issue));
    }
    const one = new RegExp(`^${base}/(\\d+)(/comments)?$`).exec(url.pathname);
    const issue = one && issues.find((candidate) => candidate.number === Number(one[1]));
    if (issue && req.method === 'POST' && one?.[2]) {
      issue.comments.push(String(json().body));
      return send(201, { id: issue.comments.length, body: json().body });
    }
    if (issue && req.method === 'PATCH' && !one?.[2]) {
      const { state, state_reason } = json() as { state?: 'open' | 'closed'; state_reason?: string };
      if (state) issue.state = state;
      if (state_reason) issue.state_reason = state_reason;
      return send(200, view(issue));
    }
    return send(404, { message: 'Not Found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    repository,
    issues,
    requests,
    /** Everything GitHub was sent: titles, bodies, comments. */
    written: () =>
      requests
        .filter((r) => r.method !== 'GET')
        .map((r) => r.body)
        .join('\n'),
    refuse: (status: number | undefined) => void (refusal = status),
    reset: () => void ((issues.length = 0), (requests.length = 0), (refusal = undefined)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>;
