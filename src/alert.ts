import { cleanText } from './answers.js';
import { escapeHtml, type RunReport, summaryRows } from './summary.js';

export const ALERT_LABEL = 'coze-token-check';

/** Where the run happens, from the runner's environment. */
export interface RunContext {
  repository: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
}

export interface AlertIssue {
  number: number;
  body: string;
}

/** The few issue calls an alert needs; github-issues.ts implements them with @actions/github. */
export interface IssuesApi {
  listOpen(label: string): Promise<AlertIssue[]>;
  create(issue: { title: string; body: string; labels: string[] }): Promise<number>;
  comment(number: number, body: string): Promise<void>;
  close(number: number): Promise<void>;
}

/** One open issue per app and site: the marker in its body is how a later run finds it. */
export interface AlertSubject {
  appId: string;
  site: string;
}

export function runContextFrom(env: Record<string, string | undefined>): RunContext | undefined {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!repository || !runId) return undefined;
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  return { repository, runId, serverUrl, apiUrl: env.GITHUB_API_URL || 'https://api.github.com' };
}

export function runUrl(context: RunContext): string {
  return `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
}

export function marker(subject: AlertSubject): string {
  return `<!-- coze-token-check: ${subject.appId} ${subject.site} -->`;
}

function table(rows: Array<[string, string]>): string {
  const cell = (text: string) => escapeHtml(text).replace(/\r?\n/g, ' ');
  return ['| | |', '|---|---|', ...rows.map(([name, value]) => `| **${cell(name)}** | ${cell(value)} |`)].join('\n');
}

export function failureIssue(subject: AlertSubject, report: RunReport, context: RunContext): { title: string; body: string } {
  const title = `Coze credential check failing: app ${subject.appId} on ${subject.site}`;
  const body = [
    marker(subject),
    `The Coze credential check of app \`${subject.appId}\` on \`${subject.site}\` failed in [run ${context.runId}](${runUrl(context)}).`,
    '',
    table(summaryRows(report)),
    '',
    `Each failing run comments here; the first passing run closes this issue. Opened by coze-token-action with \`issue-on-failure: true\`.`,
  ].join('\n');
  return { title, body };
}

export function failureComment(report: RunReport, context: RunContext): string {
  return [`Still failing in [run ${context.runId}](${runUrl(context)}):`, '', table(summaryRows(report))].join('\n');
}

export function recoveryComment(context: RunContext): string {
  return `Recovered: the check passed in [run ${context.runId}](${runUrl(context)}). Closing.`;
}

/**
 * Opens an issue on the first failure, comments while it keeps failing, and closes it on recovery.
 * A passing run with no open issue writes nothing. Returns what it did, for the log.
 */
export async function alertOnGitHub(api: IssuesApi, subject: AlertSubject, report: RunReport, context: RunContext): Promise<string> {
  const failed = report.problem !== undefined;
  const open = (await api.listOpen(ALERT_LABEL)).find((issue) => issue.body.includes(marker(subject)));
  if (failed && open) {
    await api.comment(open.number, failureComment(report, context));
    return `commented on issue #${open.number}`;
  }
  if (failed) {
    const number = await api.create({ ...failureIssue(subject, report, context), labels: [ALERT_LABEL] });
    return `opened issue #${number}`;
  }
  if (open) {
    await api.comment(open.number, recoveryComment(context));
    await api.close(open.number);
    return `closed issue #${open.number}`;
  }
  return 'no open issue to update';
}

/** Why the alert could not be written, without anything of the token or of the request. */
export function describeGitHubError(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? cleanText(error.message.split('\n')[0]) : undefined;
  if (status === 429 || (status === 403 && /rate limit/i.test(message ?? ''))) {
    return `GitHub's API rate limit was reached (HTTP ${status}); a later run will write the alert`;
  }
  if (status === 401 || status === 403 || status === 404) {
    return `GitHub answered HTTP ${status}${message ? ` (${message})` : ''}: grant the job \`permissions: issues: write\` and pass a github-token that has it`;
  }
  return `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${message ?? 'the request failed'}`;
}
