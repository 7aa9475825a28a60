import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

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
  /** Who opened it, and how GitHub relates them to the repository. */
  user: GitHubUser;
  author_association: 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';
}

export interface GitHubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** Who GITHUB_TOKEN acts for, as GitHub names it. */
export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
/** Anyone at all, who can open issues in a public repository. */
export const OUTSIDER: GitHubUser = { login: 'mallory', id: 6660666, type: 'User' };

export interface GitHubRequest {
  method: string;
  path: string;
  authorization?: string;
  body: string;
}

/** How a broken or hostile GitHub answers the issue listing. */
export type Hostility =
  | { kind: 'next-elsewhere'; url: string }
  | { kind: 'next-self' }
  | { kind: 'number-with-newlines' }
  | { kind: 'cut-list' }
  | { kind: 'gzip-bomb' }
  | { kind: 'redirect-elsewhere'; url: string }
  | { kind: 'endless-full-pages' };

export interface FakeGitHubOptions {
  /** Labels the repository has to begin with. */
  labels?: string[];
  /** Whether the token may create labels; GitHub answers 403 when it may not. */
  labelCreation?: 'allowed' | 'refused';
  /** Who the github-token acts for (GITHUB_TOKEN's bot unless told). */
  viewer?: GitHubUser;
  /** Whether the token's identity has push access; without it GitHub drops the labels of a new issue, silently. */
  pushAccess?: boolean;
}

/**
 * The part of GitHub's REST API that alert issues use, on 127.0.0.1, behaving as GitHub does: issues listed newest
 * first or oldest first, 30 or per_page to a page with a Link header; a label that is not in the repository's set
 * is dropped when an issue is created; labels created (201), already there (422) or refused (403). `refuse(status)`
 * answers everything with that status, and `hostile` breaks the listing in the ways a hostile API could. Issues
 * carry `user` and `author_association` as GitHub sends them, and are filtered by `creator` and `labels`; GraphQL
 * answers `viewer` with the token's identity. Label names compare without regard to case, as GitHub's do, and a new
 * issue from an identity without push access loses its labels ("Only users with push access can set labels for new
 * issues"); adding labels to an issue is refused to it (403).
 */
export async function startFakeGitHub(repository = 'octo/coze-app', options: FakeGitHubOptions = {}) {
  const issues: FakeIssue[] = [];
  const labels = new Set(options.labels ?? []);
  const requests: GitHubRequest[] = [];
  const sockets = new Set<Socket>();
  let refusal: number | undefined;
  let labelCreation = options.labelCreation ?? 'allowed';
  let hostility: Hostility | undefined;
  let viewer = options.viewer ?? ACTIONS_BOT;
  let pushAccess = options.pushAccess ?? true;
  /** The repository's label of that name, case aside, in the repository's own spelling. */
  const labelNamed = (name: string) => [...labels].find((label) => label.toLowerCase() === name.toLowerCase());
  const hasLabel = (issue: FakeIssue, name: string) =>
    issue.labels.some((label) => label.toLowerCase() === name.toLowerCase());

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(value));
    };
    if (refusal !== undefined)
      return send(refusal, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      });
    const base = `/repos/${repository}`;
    const json = () => JSON.parse(body || '{}') as Record<string, unknown>;
    // As GitHub does: an empty body is null, and a pull request carries pull_request.
    const view = (issue: FakeIssue) => ({
      number: issue.number,
      title: issue.title,
      body: issue.body || null,
      state: issue.state,
      labels: issue.labels.map((name) => ({ name })),
      user: issue.user,
      author_association: issue.author_association,
      ...(issue.pull && { pull_request: { url: `${base}/pulls/${issue.number}` } }),
    });

    if (req.method === 'POST' && url.pathname === '/graphql') {
      if (!/viewer/.test(body)) return send(200, { errors: [{ message: 'unsupported query' }] });
      return send(200, { data: { viewer: { login: viewer.login, databaseId: viewer.id } } });
    }

    const label = new RegExp(`^${base}/labels/([^/]+)$`).exec(url.pathname);
    if (req.method === 'GET' && label) {
      const name = labelNamed(decodeURIComponent(label[1] as string));
      return name ? send(200, { name, color: 'd93f0b' }) : send(404, { message: 'Not Found' });
    }
    if (req.method === 'POST' && url.pathname === `${base}/labels`) {
      if (labelCreation === 'refused') return send(403, { message: 'Resource not accessible by integration' });
      const { name } = json() as { name: string };
      if (labelNamed(name))
        return send(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
        });
      labels.add(name);
      return send(201, { name });
    }

    if (req.method === 'GET' && url.pathname === `${base}/issues`) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      const next = (target: string) => ({ link: `<${target}>; rel="next"` });
      switch (hostility?.kind) {
        case 'next-elsewhere':
          return send(
            200,
            Array.from({ length: perPage }, (_, i) => ({ number: page * 1000 + i, body: 'unrelated', title: 't' })),
            next(`${hostility.url}/repos/${repository}/issues?page=${page + 1}`),
          );
        case 'next-self':
          return send(200, [], next(`${origin()}${url.pathname}${url.search}`));
        case 'number-with-newlines':
          return send(200, [{ number: '1\n::warning::injected\n::add-mask::e', body: 'x' }]);
        case 'cut-list': {
          const full = JSON.stringify(issues.filter((issue) => issue.state === 'open').map(view));
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          return void res.end(full.slice(0, Math.max(1, Math.floor(full.length / 2))));
        }
        case 'gzip-bomb':
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' });
          return void res.end(gzipSync(Buffer.from(`[${'{"number":1,"body":"x"},'.repeat(400_000)}{"number":1}]`)));
        case 'redirect-elsewhere':
          res.writeHead(301, { location: `${hostility.url}${url.pathname}${url.search}` });
          return void res.end();
        case 'endless-full-pages':
          return send(
            200,
            Array.from({ length: perPage }, (_, i) => ({ number: page * 1000 + i, body: 'unrelated', title: 't' })),
            next(`${origin()}${url.pathname}?page=${page + 1}`),
          );
        default:
      }
      const wanted = url.searchParams.get('labels');
      const creator = url.searchParams.get('creator');
      const state = url.searchParams.get('state') ?? 'open';
      const newestFirst = (url.searchParams.get('direction') ?? 'desc') === 'desc';
      const matching = issues.filter(
        (issue) =>
          (!wanted || hasLabel(issue, wanted)) &&
          (!creator || issue.user.login === creator) &&
          (state === 'all' || issue.state === state),
      );
      const ordered = newestFirst ? [...matching].reverse() : matching;
      const slice = ordered.slice((page - 1) * perPage, page * perPage);
      const more = page * perPage < ordered.length;
      return send(
        200,
        slice.map(view),
        more ? next(`${origin()}${url.pathname}?page=${page + 1}&per_page=${perPage}`) : {},
      );
    }
    if (req.method === 'POST' && url.pathname === `${base}/issues`) {
      const { title, body: text, labels: asked } = json() as { title: string; body: string; labels?: string[] };
      // GitHub as it is: a label the repository does not have is dropped, silently, and so is every label of an
      // identity without push access.
      const issue: FakeIssue = {
        number: issues.length + 1,
        title,
        body: text,
        labels: pushAccess ? (asked ?? []).flatMap((name) => labelNamed(name) ?? []) : [],
        state: 'open',
        comments: [],
        user: viewer,
        author_association: 'NONE',
      };
      issues.push(issue);
      return send(201, view(issue));
    }
    const labelled = new RegExp(`^${base}/issues/(\\d+)/labels$`).exec(url.pathname);
    const target = labelled && issues.find((candidate) => candidate.number === Number(labelled[1]));
    if (target && req.method === 'POST') {
      if (!pushAccess) return send(403, { message: 'Must have admin rights to Repository.' });
      for (const name of (json().labels as string[] | undefined) ?? []) {
        const known = labelNamed(name);
        if (!known) return send(422, { message: 'Validation Failed' });
        if (!hasLabel(target, known)) target.labels.push(known);
      }
      return send(
        200,
        target.labels.map((name) => ({ name })),
      );
    }
    const one = new RegExp(`^${base}/issues/(\\d+)(/comments)?$`).exec(url.pathname);
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
    url: origin(),
    repository,
    issues,
    labels,
    requests,
    /** Everything GitHub was sent: titles, bodies, comments. */
    written: () =>
      requests
        .filter((r) => r.method !== 'GET')
        .map((r) => r.body)
        .join('\n'),
    refuse: (status: number | undefined) => void (refusal = status),
    /** An issue opened by someone else (an outsider unless told), as anyone can in a public repository. */
    openAs: (
      user: GitHubUser,
      issue: { title: string; body: string; labels?: string[] },
      association: FakeIssue['author_association'] = 'NONE',
    ) => {
      const opened: FakeIssue = {
        number: issues.length + 1,
        title: issue.title,
        body: issue.body,
        labels: issue.labels ?? [],
        state: 'open',
        comments: [],
        user,
        author_association: association,
      };
      issues.push(opened);
      return opened;
    },
    actAs: (user: GitHubUser) => void (viewer = user),
    grantPush: (granted: boolean) => void (pushAccess = granted),
    /** What a triager does in the web UI: a label off an issue. */
    unlabel: (number: number) => {
      const issue = issues.find((candidate) => candidate.number === number);
      if (issue) issue.labels.length = 0;
    },
    allowLabels: (allowed: boolean) => void (labelCreation = allowed ? 'allowed' : 'refused'),
    hostile: (next: Hostility | undefined) => void (hostility = next),
    reset: () => {
      issues.length = 0;
      requests.length = 0;
      refusal = undefined;
      hostility = undefined;
      labels.clear();
      for (const name of options.labels ?? []) labels.add(name);
      labelCreation = options.labelCreation ?? 'allowed';
      viewer = options.viewer ?? ACTIONS_BOT;
      pushAccess = options.pushAccess ?? true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeGitHub = Awaited<ReturnType<typeof startFakeGitHub>>;
