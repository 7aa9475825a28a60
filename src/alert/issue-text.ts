// The words of an alert issue: its title and body, the comments of a failing, a recovered and a duplicate run, and
// the table of the run report an issue may show (public: no session name, no Coze user).
import { type RunReport, summaryRows } from '../core/report.js';
import { inertCode, summaryCell } from '../safe-text/markdown.js';
import { BOUND, outsideText } from '../safe-text/outside.js';
import { type AlertSubject, appAndOrg, marker, type RunContext, runUrl } from './subject.js';

/** Rows whose value is the action's own words; every other value came from outside and is shown as code. */
const OWN_WORDS = new Set(['Result', 'Token expires', 'Verification', 'What to do']);
/**
 * The rows an issue shows. Not the session name (an end user's id) nor the Coze user: an issue stays public, goes
 * out in notifications and is written through GitHub's API, where the runner masks nothing. The summary keeps them.
 */
const ISSUE_ROWS = new Set([...OWN_WORDS, 'App', 'Base URL', 'Audience', 'Log id (x-tt-logid)', 'Error']);

function table(report: RunReport): string {
  const rows = summaryRows(report).filter(([name]) => ISSUE_ROWS.has(name));
  const cell = (name: string, value: string) => (OWN_WORDS.has(name) ? summaryCell(value) : inertCode(value));
  const lines = rows.map(([name, value]) => `| **${summaryCell(name)}** | ${cell(name, value)} |`);
  return ['| | |', '|---|---|', ...lines].join('\n');
}

/** The workflow and job that run the check, as one line of plain text (their names are the repository's own). */
function checkName(subject: AlertSubject): string {
  const name = [subject.workflow, subject.job].flatMap((part) => outsideText(part, BOUND.name) ?? []);
  return name.join(' / ').slice(0, 120);
}

export function failureIssue(
  subject: AlertSubject,
  report: RunReport,
  context: RunContext,
): { title: string; body: string } {
  const check = checkName(subject);
  const what = `app ${appAndOrg(subject)} on ${subject.site}`;
  const title = `Coze credential check failing: ${check ? `${check}, ` : ''}${what}`;
  const body = [
    marker(subject),
    `The Coze credential check${check ? ` ${inertCode(check)}` : ''} of app \`${subject.app}\` (a digest of its ` +
      `app-id)${subject.org ? ` for \`${subject.org}\` (a digest of its account-id or enterprise-id)` : ''} on ` +
      `\`${subject.site}\` failed in [run ${context.runId}](${runUrl(context)}).`,
    '',
    table(report),
    '',
    `Each failing run comments here; the first passing run closes this issue. Opened by coze-token-action with ` +
      `\`issue-on-failure: true\`.`,
  ].join('\n');
  return { title, body };
}

export function failureComment(report: RunReport, context: RunContext): string {
  return [`Still failing in [run ${context.runId}](${runUrl(context)}):`, '', table(report)].join('\n');
}

export function recoveryComment(context: RunContext): string {
  return `Recovered: the check passed in [run ${context.runId}](${runUrl(context)}). Closing.`;
}

export function duplicateComment(kept: number, context: RunContext): string {
  return (
    `Duplicate of #${kept}, which this check keeps (two runs opened one each). Closed in [run ` +
    `${context.runId}](${runUrl(context)}).`
  );
}
