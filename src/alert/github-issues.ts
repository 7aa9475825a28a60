// Loaded only when issue-on-failure is on: octokit costs start-up time that a plain mint does not need.
import { getOctokit } from '@actions/github';
import type { SendRequest } from '../core/http.js';
import { bounded } from '../safe-text/outside.js';
import { type AlertIssue, type IssuesApi, type LabelSpec, type RunContext, sameLabel } from './index.js';

const QUIET = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** How many pages of 100 open issues a run reads, at most, to find its alert. */
export const MAX_ISSUE_PAGES = 10;
const PER_PAGE = 100;

export class GitHubAnswerError extends Error {
  override name = 'GitHubAnswerError';
}

/**
 * fetch for octokit, through the run's own HTTP client (one connection, proxy settings, 1 MiB per answer, never
 * following a redirect) and only to the API's origin, so the github-token goes nowhere else. Each request gets
 * what is left of the time budget.
 */
export function fetchThrough(send: SendRequest, apiOrigin: string, timeLeftMs: () => number) {
  return async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input);
    if (url.origin !== apiOrigin)
      throw new GitHubAnswerError(`a request to ${url.origin} was refused: the github-token goes only to ${apiOrigin}`);
    const timeoutMs = timeLeftMs();
    if (timeoutMs <= 0) throw new GitHubAnswerError('no time was left for GitHub within deadline-seconds');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    headers['accept-encoding'] = 'identity';
    const method = (init.method ?? 'GET').toUpperCase() as 'GET' | 'POST' | 'PATCH';
    const answer = await send({
      method,
      url: url.href,
      headers,
      body: init.body as string | undefined,
      timeoutMs,
    }).catch((error: unknown) => {
      // The limit here is what deadline-seconds left for GitHub, not timeout-seconds, which is Coze's.
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new GitHubAnswerError(
          `GitHub's API did not answer within the ${(timeoutMs / 1000).toFixed(1)} s that deadline-seconds left for it`,
        );
      }
      throw error;
    });
    if (answer.status >= 300 && answer.status < 400)
      throw new GitHubAnswerError(
        `GitHub's API answered with a redirect (HTTP ${answer.status}), which is not followed`,
      );
    const encoding = answer.headers['content-encoding'];
    if (encoding && encoding !== 'identity')
      throw new GitHubAnswerError('GitHub answered with a compressed body although none was asked for');
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined) responseHeaders.set(name, value);
    return new Response(answer.status === 204 ? null : answer.body, {
      status: answer.status,
      headers: responseHeaders,
    });
  };
}

/** A positive safe integer, as GitHub numbers its issues and users; anything else is no answer of GitHub's. */
function positiveNumber(value: unknown, what = 'an issue number'): number {
  if (Number.isSafeInteger(value) && (value as number) > 0) return value as number;
  throw new GitHubAnswerError(`GitHub answered with ${what} that is not a positive whole number`);
}

/** A GitHub login: letters, digits and hyphens, [bot] for an app. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

interface ListedIssue extends AlertIssue {
  pull: boolean;
  authorId: number | undefined;
}

/** GitHub's label names have at most 50 characters; a longer one is no label of ours, and is kept cut. */
const MAX_LABEL_LENGTH = 100;

function labelName(label: unknown): string {
  const name = typeof label === 'object' && label !== null ? (label as { name?: unknown }).name : label;
  return typeof name === 'string' ? bounded(name, MAX_LABEL_LENGTH) : '';
}

function issuesOf(page: unknown): ListedIssue[] {
  if (!Array.isArray(page))
    throw new GitHubAnswerError('GitHub answered the issue listing with something that is not a list of issues');
  return page.map((item: unknown) => {
    const issue = item as {
      number?: unknown;
      body?: unknown;
      pull_request?: unknown;
      user?: { id?: unknown } | null;
      labels?: unknown;
    } | null;
    if (
      typeof issue !== 'object' ||
      issue === null ||
      (issue.body !== null && issue.body !== undefined && typeof issue.body !== 'string')
    ) {
      throw new GitHubAnswerError('GitHub answered the issue listing with an entry that is not an issue');
    }
    const authorId = issue.user?.id;
    return {
      number: positiveNumber(issue.number),
      body: (issue.body as string | null | undefined) ?? '',
      pull: issue.pull_request !== undefined && issue.pull_request !== null,
      authorId: Number.isSafeInteger(authorId) ? (authorId as number) : undefined,
      labels: Array.isArray(issue.labels) ? issue.labels.map(labelName) : [],
    };
  });
}

/**
 * Issues of the current repository through GitHub's REST API at context.apiUrl, under the same rules as the Coze calls.
 */
export function githubIssues(
  token: string,
  context: RunContext,
  send: SendRequest,
  timeLeftMs: () => number,
  userAgent: string,
): IssuesApi {
  const apiOrigin = new URL(context.apiUrl).origin;
  const octokit = getOctokit(token, {
    baseUrl: context.apiUrl.replace(/\/+$/, ''),
    userAgent,
    // octokit writes some of GitHub's headers (deprecation, sunset, link) to the console as they are: not here.
    request: { fetch: fetchThrough(send, apiOrigin, timeLeftMs), log: QUIET },
  });
  const [owner, repo] = context.repository.split('/') as [string, string];
  const statusOf = (error: unknown) => (error as { status?: unknown }).status;
  return {
    // GraphQL's viewer answers for every kind of token; REST's /user refuses installation tokens such as GITHUB_TOKEN.
    async viewer() {
      const answer = await octokit.graphql<{ viewer?: { login?: unknown; databaseId?: unknown } | null }>(
        'query { viewer { login databaseId } }',
      );
      const login = answer?.viewer?.login;
      if (typeof login !== 'string' || !LOGIN.test(login))
        throw new GitHubAnswerError("GitHub did not say whose the github-token is (no login in the viewer's answer)");
      return { login, id: positiveNumber(answer.viewer?.databaseId, "the token's user id") };
    },
    // GitHub finds a label whatever the case of the name asked for, and answers with the repository's spelling.
    async findLabel(name) {
      try {
        const { data } = await octokit.rest.issues.getLabel({ owner, repo, name });
        const found = labelName(data);
        return sameLabel(found, name) ? found : name;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async addLabel(number, name) {
      try {
        await octokit.rest.issues.addLabels({ owner, repo, issue_number: number, labels: [name] });
        return 'added';
      } catch (error) {
        const status = statusOf(error);
        if (status === 401 || status === 403 || status === 404 || status === 422) return 'refused';
        throw error;
      }
    },
    async createLabel(label: LabelSpec) {
      try {
        await octokit.rest.issues.createLabel({ owner, repo, ...label });
        return 'created';
      } catch (error) {
        const status = statusOf(error);
        if (status === 422) return 'exists';
        if (status === 401 || status === 403 || status === 404) return 'refused';
        throw error;
      }
    },
    // Pages are asked for by number, never through Link headers, so a hostile answer cannot lead the token away
    // or page forever. The author (and label) are asked of GitHub and checked again on every issue it lists.
    // Issues opened together sit together in the listing: it is read on until a page after the last match has none.
    async findOpen({ author, label }, matches) {
      const found: AlertIssue[] = [];
      const oldestFirst = () => found.sort((a, b) => a.number - b.number);
      for (let page = 1; page <= MAX_ISSUE_PAGES; page++) {
        const { data } = await octokit.rest.issues.listForRepo({
          owner,
          repo,
          state: 'open',
          creator: author.login,
          ...(label && { labels: label }),
          sort: 'created',
          direction: 'desc',
          per_page: PER_PAGE,
          page,
        });
        const issues = issuesOf(data);
        const ours = (issue: ListedIssue) =>
          !issue.pull &&
          issue.authorId === author.id &&
          (!label || issue.labels.some((name) => sameLabel(name, label)));
        const here = issues.filter((issue) => ours(issue) && matches(issue));
        found.push(...here.map(({ number, body, labels }) => ({ number, body, labels })));
        if (issues.length < PER_PAGE || (found.length > 0 && here.length === 0)) return oldestFirst();
      }
      if (found.length > 0) return oldestFirst();
      throw new GitHubAnswerError(
        `the github-token's identity has more than ${MAX_ISSUE_PAGES * PER_PAGE} open issues, and the alert issue is ` +
          `not among the newest of them; no new issue was opened`,
      );
    },
    async create(issue) {
      return positiveNumber((await octokit.rest.issues.create({ owner, repo, ...issue })).data.number);
    },
    async comment(number, body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    },
    async close(number, reason = 'completed') {
      await octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: reason });
    },
  };
}
