import type { SendRequest } from '../core/http.js';
import { type IssuesApi, type RunContext } from './index.js';
/** How many pages of 100 open issues a run reads, at most, to find its alert. */
export declare const MAX_ISSUE_PAGES = 10;
export declare class GitHubAnswerError extends Error {
    name: string;
}
/**
 * fetch for octokit, through the run's own HTTP client (one connection, proxy settings, 1 MiB per answer, never
 * following a redirect) and only to the API's origin, so the github-token goes nowhere else. Each request gets
 * what is left of the time budget.
 */
export declare function fetchThrough(send: SendRequest, apiOrigin: string, timeLeftMs: () => number): (input: string | URL, init?: RequestInit) => Promise<Response>;
/**
 * Issues of the current repository through GitHub's REST API at context.apiUrl, under the same rules as the Coze calls.
 */
export declare function githubIssues(token: string, context: RunContext, send: SendRequest, timeLeftMs: () => number, userAgent: string): IssuesApi;
