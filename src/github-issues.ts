// Loaded only when issue-on-failure is on: octokit costs start-up time that a plain mint does not need.
import { getOctokit } from '@actions/github';
import { fetch } from 'undici';
import type { AlertIssue, IssuesApi, RunContext } from './alert.js';
import { proxyDispatcher } from './http.js';

/** Issues of the current repository through the GitHub REST API at context.apiUrl, via the same proxy settings as the Coze calls. */
export function githubIssues(token: string, context: RunContext, timeoutMs: number, userAgent: string): IssuesApi {
  const octokit = getOctokit(token, {
    baseUrl: context.apiUrl,
    userAgent,
    request: {
      fetch: (url: string, init: RequestInit) => fetch(url, { ...(init as object), dispatcher: proxyDispatcher(), signal: AbortSignal.timeout(timeoutMs) }),
    },
  });
  const [owner, repo] = context.repository.split('/') as [string, string];
  return {
    async listOpen(label) {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: 100 });
      return issues.filter((issue) => !issue.pull_request).map((issue): AlertIssue => ({ number: issue.number, body: issue.body ?? '' }));
    },
    async create(issue) {
      return (await octokit.rest.issues.create({ owner, repo, ...issue })).data.number;
    },
    async comment(number, body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    },
    async close(number) {
      await octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'completed' });
    },
  };
}
