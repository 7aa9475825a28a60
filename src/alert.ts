import { cleanText, oneLine } from './answers.js';
import { describeNetworkError } from './retry.js';
import { type RunReport, summaryCell, summaryRows } from './summary.js';

export const ALERT_LABEL = 'coze-token-check';

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export const ALERT_LABEL_SPEC: LabelSpec = { name: ALERT_LABEL, color: 'd93f0b', description: 'A scheduled Coze credential check is failing' };

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
  /** Makes sure the repository has the label: 'refused' when the token may not create it. */
  ensureLabel(label: LabelSpec): Promise<'exists' | 'created' | 'refused'>;
  /** The newest open issue (not a pull request) that matches, from a bounded listing; throws when the listing fails. */
  findOpen(matches: (issue: AlertIssue) => boolean): Promise<AlertIssue | undefined>;
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

/**
 * Text from outside (Coze's words, ids, inputs) as an inline code span: no link, image, mention, HTML or
 * cross-reference renders in it, and it stays readable. The fence is longer than any run of backticks inside;
 * a pipe is escaped, as GitHub's tables need even inside code.
 */
export function inertCode(text: string): string {
  const flat = oneLine(text).replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Rows whose value is the action's own words; every other value came from outside and is shown as code. */
const OWN_WORDS = new Set(['Result', 'Token expires', 'Verification', 'What to do']);

function table(rows: Array<[string, string]>): string {
  const cell = (name: string, value: string) => (OWN_WORDS.has(name) ? summaryCell(value) : inertCode(value));
  return ['| | |', '|---|---|', ...rows.map(([name, value]) => `| **${summaryCell(name)}** | ${cell(name, value)} |`)].join('\n');
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
export async function alertOnGitHub(
  api: IssuesApi,
  subject: AlertSubject,
  report: RunReport,
  context: RunContext,
  log: (message: string) => void,
): Promise<string> {
  const failed = report.problem !== undefined;
  // Found by its marker, not by the label: GitHub drops a label that does not exist when an issue is created.
  const open = await api.findOpen((issue) => issue.body.includes(marker(subject)));
  if (failed && open) {
    await api.comment(open.number, failureComment(report, context));
    return `commented on issue #${open.number}`;
  }
  if (failed) {
    if ((await api.ensureLabel(ALERT_LABEL_SPEC)) === 'refused') {
      log(
        `The github-token may not create the label ${ALERT_LABEL}, so the issue goes without it (alerts work all the same). Create it once: gh label create ${ALERT_LABEL} --color ${ALERT_LABEL_SPEC.color}`,
      );
    }
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
  // octokit wraps what its fetch threw (no answer, or one refused here) as HTTP 500; the cause says what happened.
  const { cause, response } = (error ?? {}) as { cause?: unknown; response?: unknown };
  if (cause instanceof Error && response === undefined) {
    if (cause.name === 'GitHubAnswerError') return cause.message;
    const network = describeNetworkError(cause);
    if (network) return `GitHub's API could not be reached: ${network.reason}`;
  }
  const status = (error as { status?: unknown } | null)?.status;
  const message = error instanceof Error ? cleanText(error.message.split('\n')[0]) : undefined;
  if (status === 429 || (status === 403 && /rate limit/i.test(message ?? ''))) {
    return `GitHub's API rate limit was reached (HTTP ${status}); a later run will write the alert`;
  }
  if (status === 401 || status === 403 || status === 404) {
    return `GitHub answered HTTP ${status}${message ? ` (${message})` : ''}: grant the job \`permissions: issues: write\` and pass a github-token that has it`;
  }
  return `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${message ?? 'the request failed'}`;
}
