import { createHash } from 'node:crypto';
import { explainError, InputError } from '../core/errors.js';
import { describeNetworkError } from '../core/network-errors.js';
import { type RunReport, summaryCell, summaryRows } from '../core/report.js';
import { BOUND, firstLine, inert, outsideText, type Redact } from '../safe-text/outside.js';

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
  /** Its labels' names, as GitHub spells them. */
  labels: string[];
}

/** Who the github-token acts for, as GitHub says: the only author whose issues an alert may touch. */
export interface Identity {
  login: string;
  id: number;
}

/** The few issue calls an alert needs; github-issues.ts implements them with @actions/github. */
export interface IssuesApi {
  viewer(): Promise<Identity>;
  /** The repository's label of that name, case aside, as the repository spells it; undefined when it has none. */
  findLabel(name: string): Promise<string | undefined>;
  /** Creates the label: 'refused' when the token may not. */
  createLabel(label: LabelSpec): Promise<'created' | 'exists' | 'refused'>;
  /** Puts the label on an issue: 'refused' when the token may not. */
  addLabel(number: number, name: string): Promise<'added' | 'refused'>;
  /**
   * The newest open issue (not a pull request) opened by `author`, labelled `label` (case aside) if given, that
   * matches; from a bounded listing. Throws when the listing fails, or ends before it could tell.
   */
  findOpen(filter: { author: Identity; label?: string }, matches: (issue: AlertIssue) => boolean): Promise<AlertIssue | undefined>;
  create(issue: { title: string; body: string; labels: string[] }): Promise<number>;
  comment(number: number, body: string): Promise<void>;
  close(number: number): Promise<void>;
}

/**
 * One open issue per app and site. Issues are public in a public repository, so the app is named by a digest of
 * its id (the README keeps the id in a secret), and the check by its workflow and job.
 */
export interface AlertSubject {
  app: string;
  site: string;
  /** A digest of account-id or enterprise-id, when one is set: one app may mint for several organisations. */
  org?: string | undefined;
  workflow?: string | undefined;
  job?: string | undefined;
}

/**
 * Eight hex digits of SHA-256 over the repository and the app id: the same app gives the same tag in every run, two
 * apps differ, and 32 bits are too few to tell which id it was even by trying every id.
 */
export function appTag(appId: string, repository: string): string {
  if (appId.trim() === '') return 'unknown';
  return createHash('sha256').update(`coze-token-check:${repository}:${appId.trim()}`).digest('hex').slice(0, 8);
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

/** The app, and the organisation when one is set: `5f0c2a91` or `5f0c2a91 for 0b7e11d4`. */
const appAndOrg = (subject: AlertSubject) => `${subject.app}${subject.org ? ` for ${subject.org}` : ''}`;

export function marker(subject: AlertSubject): string {
  return `<!-- coze-token-check: app ${appAndOrg(subject)} on ${subject.site} -->`;
}

/** An alert issue of this check: its body starts with the marker, where only the action writes it (inert() defuses <!-- in quoted words). */
export function isAlertOf(subject: AlertSubject): (issue: Pick<AlertIssue, 'body'>) => boolean {
  const line = marker(subject);
  return (issue) => issue.body.startsWith(line);
}

/** GitHub's label names ignore case, and so do we. */
export function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Text from outside (Coze's words, ids, inputs) as an inline code span: no link, image, mention, HTML or
 * cross-reference renders in it, and it stays readable. The fence is longer than any run of backticks inside;
 * a pipe is escaped, as GitHub's tables need even inside code.
 */
export function inertCode(text: string): string {
  const flat = inert(text).replace(/\|/g, '\\|');
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

/** The workflow and job that run the check, as one line of plain text (their names are the repository's own). */
function checkName(subject: AlertSubject): string | undefined {
  const name = [subject.workflow, subject.job].flatMap((part) => outsideText(part, BOUND.name) ?? []);
  return name.length > 0 ? name.join(' / ').slice(0, 120) : undefined;
}

export function failureIssue(subject: AlertSubject, report: RunReport, context: RunContext): { title: string; body: string } {
  const check = checkName(subject);
  const title = `Coze credential check failing: ${check ? `${check}, ` : ''}app ${appAndOrg(subject)} on ${subject.site}`;
  const body = [
    marker(subject),
    `The Coze credential check${check ? ` ${inertCode(check)}` : ''} of app \`${subject.app}\` (a digest of its app-id)${subject.org ? ` for \`${subject.org}\` (a digest of its account-id or enterprise-id)` : ''} on \`${subject.site}\` failed in [run ${context.runId}](${runUrl(context)}).`,
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
 * Opens an issue on the first failure, comments while it keeps failing, and closes it on recovery: one issue per
 * check, whatever happens to its label. An issue is the check's only if the github-token's own identity opened it
 * (a marker is public, and anyone can copy it) and its body starts with the check's marker. Where the label exists
 * it narrows the listing first; an issue that lost its label (never set, dropped by GitHub, removed by someone) is
 * found in the listing by author all the same, and gets the label back where the token may set it. A passing run
 * with no open issue writes nothing. Returns what it did, for the log.
 */
export async function alertOnGitHub(
  api: IssuesApi,
  subject: AlertSubject,
  report: RunReport,
  context: RunContext,
  log: (message: string) => void,
): Promise<string> {
  const failed = report.problem !== undefined;
  const author = await api.viewer();
  const matches = isAlertOf(subject);
  const label = await api.findLabel(ALERT_LABEL);
  const open = (label === undefined ? undefined : await api.findOpen({ author, label }, matches)) ?? (await api.findOpen({ author }, matches));
  if (!failed) {
    if (!open) return 'no open issue to update';
    await api.comment(open.number, recoveryComment(context));
    await api.close(open.number);
    return `closed issue #${open.number}`;
  }
  if (!open) {
    if (label === undefined && (await api.createLabel(ALERT_LABEL_SPEC)) === 'refused') {
      log(
        `The github-token may not create the label ${ALERT_LABEL}, so the issue goes without it (alerts work all the same). Create it once: gh label create ${ALERT_LABEL} --color ${ALERT_LABEL_SPEC.color}`,
      );
    }
    return `opened issue #${await api.create({ ...failureIssue(subject, report, context), labels: [label ?? ALERT_LABEL] })}`;
  }
  await api.comment(open.number, failureComment(report, context));
  if (label !== undefined && !open.labels.some((name) => sameLabel(name, label as string))) {
    const added = await api.addLabel(open.number, label);
    log(
      added === 'added'
        ? `Issue #${open.number} had lost the label ${label}; it has it back.`
        : `Issue #${open.number} has no label ${label}, and the github-token may not set it; the issue is found by its author all the same.`,
    );
  }
  return `commented on issue #${open.number}`;
}

/** Why the alert could not be written, without anything of the token or of the request. */
export function describeGitHubError(error: unknown, redact?: Redact): string {
  // octokit wraps what its fetch threw (no answer, or one refused here) as HTTP 500; the cause says what happened.
  const { cause, response } = (error ?? {}) as { cause?: unknown; response?: unknown };
  if (cause instanceof Error && response === undefined) {
    if (cause.name === 'GitHubAnswerError') return cause.message;
    if (cause instanceof InputError) return explainError(cause).problem;
    const network = describeNetworkError(cause, 'GitHub');
    if (network) return `GitHub's API could not be reached: ${network.reason}`;
  }
  const status = (error as { status?: unknown } | null)?.status;
  const message = error instanceof Error ? firstLine(error.message, BOUND.words, redact) : undefined;
  if (status === 429 || (status === 403 && /rate limit/i.test(message ?? ''))) {
    return `GitHub's API rate limit was reached (HTTP ${status}); a later run will write the alert`;
  }
  if (status === 401 || status === 403 || status === 404) {
    return `GitHub answered HTTP ${status}${message ? ` (${message})` : ''}: grant the job \`permissions: issues: write\` and pass a github-token that has it`;
  }
  return `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${message ?? 'the request failed'}`;
}
