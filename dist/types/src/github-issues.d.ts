import type { IssuesApi, RunContext } from './alert.js';
/** Issues of the current repository through the GitHub REST API at context.apiUrl, via the same proxy settings as the Coze calls. */
export declare function githubIssues(token: string, context: RunContext, timeoutMs: number, userAgent: string): IssuesApi;
