// Loaded only when issue-on-failure is on: octokit costs start-up time that a plain mint does not need.
import { getOctokit } from '@actions/github';
import type { AlertIssue, IssuesApi, LabelSpec, RunContext } from './alert.js';
import type { SendRequest } from './http.js';

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
    if (url.origin !== apiOrigin) throw new GitHubAnswerError(`a request to ${url.origin} was refused: the github-token goes only to ${apiOrigin}`);
    const timeoutMs = timeLeftMs();
    if (timeoutMs <= 0) throw new GitHubAnswerError('no time was left within deadline-seconds');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    headers['accept-encoding'] = 'identity';
    const method = (init.method ?? 'GET').toUpperCase() as 'GET' | 'POST' | 'PATCH';
    const answer = await send({ method, url: url.href, headers, body: init.body as string | undefined, timeoutMs });
    if (answer.status >= 300 && answer.status < 400)
      throw new GitHubAnswerError(`GitHub's API answered with a redirect (HTTP ${answer.status}), which is not followed`);
    const encoding = answer.headers['content-encoding'];
    if (encoding && encoding !== 'identity') throw new GitHubAnswerError('GitHub answered with a compressed body although none was asked for');
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) responseHeaders.set(name, value);
    return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: responseHeaders });
  };
}

/** A positive safe integer, as GitHub numbers its issues; anything else is no answer of GitHub's. */
function issueNumber(value: unknown): number {
  if (Number.isSafeInteger(value) && (value as number) > 0) return value as number;
  throw new GitHubAnswerError('GitHub answered with an issue number that is not a positive whole number');
}

function issuesOf(page: unknown): Array<AlertIssue & { pull: boolean }> {
  if (!Array.isArray(page)) throw new GitHubAnswerError('GitHub answered the issue listing with something that is not a list of issues');
  return page.map((item: unknown) => {
    const issue = item as { number?: unknown; body?: unknown; pull_request?: unknown } | null;
    if (typeof issue !== 'object' || issue === null || (issue.body !== null && issue.body !== undefined && typeof issue.body !== 'string')) {
      throw new GitHubAnswerError('GitHub answered the issue listing with an entry that is not an issue');
    }
    return {
      number: issueNumber(issue.number),
      body: (issue.body as string | null | undefined) ?? '',
      pull: issue.pull_request !== undefined && issue.pull_request !== null,
    };
  });
}

/** Issues of the current repository through GitHub's REST API at context.apiUrl, under the same rules as the Coze calls. */
export function githubIssues(token: string, context: RunContext, send: SendRequest, timeLeftMs: () => number, userAgent: string): IssuesApi {
  const apiOrigin = new URL(context.apiUrl).origin;
  const octokit = getOctokit(token, {
    baseUrl: context.apiUrl.replace(/\/+$/, ''),
    userAgent,
    request: { fetch: fetchThrough(send, apiOrigin, timeLeftMs) },
  });
  const [owner, repo] = context.repository.split('/') as [string, string];
  return {
    async ensureLabel(label: LabelSpec) {
      try {
        await octokit.rest.issues.getLabel({ owner, repo, name: label.name });
        return 'exists';
      } catch (error) {
        if ((error as { status?: unknown }).status !== 404) throw error;
      }
      try {
        await octokit.rest.issues.createLabel({ owner, repo, ...label });
        return 'created';
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        if (status === 422) return 'exists';
        if (status === 401 || status === 403 || status === 404) return 'refused';
        throw error;
      }
    },
    // Pages are asked for by number, never through Link headers, so a hostile answer cannot lead the token away
    // or page forever. A page that fails or is cut fails the whole listing.
    async findOpen(matches) {
      for (let page = 1; page <= MAX_ISSUE_PAGES; page++) {
        const { data } = await octokit.rest.issues.listForRepo({ owner, repo, state: 'open', sort: 'created', direction: 'desc', per_page: PER_PAGE, page });
        const issues = issuesOf(data);
        const found = issues.find((issue) => !issue.pull && matches(issue));
        if (found) return { number: found.number, body: found.body };
        if (issues.length < PER_PAGE) return undefined;
      }
      return undefined;
    },
    async create(issue) {
      return issueNumber((await octokit.rest.issues.create({ owner, repo, ...issue })).data.number);
    },
    async comment(number, body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    },
    async close(number) {
      await octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'completed' });
    },
  };
}
