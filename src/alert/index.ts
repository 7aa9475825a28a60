// The scheduled check's alert on GitHub: one issue per check, opened on failure, commented on, closed on recovery.
import { explainError, InputError } from '../core/errors.js';
import { describeNetworkError } from '../core/network-errors.js';
import type { RunReport } from '../core/report.js';
import { BOUND, firstLine, type Redact } from '../safe-text/outside.js';
import { duplicateComment, failureComment, failureIssue, recoveryComment } from './issue-text.js';
import { type AlertSubject, marker, type RunContext } from './subject.js';

export { duplicateComment, failureComment, failureIssue, recoveryComment } from './issue-text.js';
export { type AlertSubject, appAndOrg, marker, type RunContext, runContextFrom, runUrl } from './subject.js';

export const ALERT_LABEL = 'coze-token-check';

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

export const ALERT_LABEL_SPEC: LabelSpec = {
  name: ALERT_LABEL,
  color: 'd93f0b',
  description: 'A scheduled Coze credential check is failing',
};

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
   * The open issues (not pull requests) opened by `author`, labelled `label` (case aside) if given, that match,
   * oldest first; from a bounded listing. Throws when the listing fails, or ends before it could tell.
   */
  findOpen(
    filter: { author: Identity; label?: string },
    matches: (issue: AlertIssue) => boolean,
  ): Promise<AlertIssue[]>;
  create(issue: { title: string; body: string; labels: string[] }): Promise<number>;
  comment(number: number, body: string): Promise<void>;
  /** Closes the issue as completed, or as not planned (a duplicate). */
  close(number: number, reason?: 'completed' | 'not_planned'): Promise<void>;
}

/**
 * An alert issue of this check: its body starts with the marker, where only the action writes it (inert() defuses <!--
 * in quoted words).
 */
export function isAlertOf(subject: AlertSubject): (issue: Pick<AlertIssue, 'body'>) => boolean {
  const line = marker(subject);
  return (issue) => issue.body.startsWith(line);
}

/** GitHub's label names ignore case, and so do we. */
export function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Opens an issue on the first failure, comments while it keeps failing, and closes it on recovery: one issue per
 * check, whatever happens to its label. An issue is the check's only if the github-token's own identity opened it
 * (a marker is public, and anyone can copy it) and its body starts with the check's marker. Where the label exists
 * it narrows the listing first; an issue that lost its label (never set, dropped by GitHub, removed by someone) is
 * found in the listing by author all the same, and gets the label back where the token may set it. A passing run
 * with no open issue writes nothing; where two runs at once each opened one, the oldest stays and the others close.
 * Returns what it did, for the log.
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
  const labelled = label === undefined ? [] : await api.findOpen({ author, label }, matches);
  const [open, ...duplicates] = labelled.length > 0 ? labelled : await api.findOpen({ author }, matches);
  const closed = open ? await closeDuplicates(api, open.number, duplicates, context) : '';
  if (!failed) {
    if (!open) return 'no open issue to update';
    await api.comment(open.number, recoveryComment(context));
    await api.close(open.number);
    return `closed issue #${open.number}${closed}`;
  }
  if (!open) {
    if (label === undefined && (await api.createLabel(ALERT_LABEL_SPEC)) === 'refused') {
      log(
        `The github-token may not create the label ${ALERT_LABEL}, so the issue goes without it (alerts work all the ` +
          `same). Create it once: gh label create ${ALERT_LABEL} --color ${ALERT_LABEL_SPEC.color}`,
      );
    }
    return (
      `opened issue ` +
      `#${await api.create({ ...failureIssue(subject, report, context), labels: [label ?? ALERT_LABEL] })}`
    );
  }
  await api.comment(open.number, failureComment(report, context));
  if (label !== undefined && !open.labels.some((name) => sameLabel(name, label as string))) {
    const added = await api.addLabel(open.number, label);
    log(
      added === 'added'
        ? `Issue #${open.number} had lost the label ${label}; it has it back.`
        : `Issue #${open.number} has no label ${label}, and the github-token may not set it; the issue is found by ` +
            `its author all the same.`,
    );
  }
  return `commented on issue #${open.number}${closed}`;
}

/**
 * Two runs at once may each have opened an issue: the oldest stays, the others are closed, each with a comment that
 * points to it. Returns what it closed, for the log.
 */
async function closeDuplicates(
  api: IssuesApi,
  kept: number,
  duplicates: AlertIssue[],
  context: RunContext,
): Promise<string> {
  for (const { number } of duplicates) {
    await api.comment(number, duplicateComment(kept, context));
    await api.close(number, 'not_planned');
  }
  const numbers = duplicates.map(({ number }) => `#${number}`).join(', ');
  return duplicates.length === 0
    ? ''
    : ` (closed ${numbers} as ${duplicates.length === 1 ? 'a duplicate' : 'duplicates'})`;
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
    return (
      `GitHub answered HTTP ${status}${message ? ` (${message})` : ''}: grant the job \`permissions: issues: ` +
      `write\` and pass a github-token that has it`
    );
  }
  return `${typeof status === 'number' ? `HTTP ${status}: ` : ''}${message ?? 'the request failed'}`;
}
