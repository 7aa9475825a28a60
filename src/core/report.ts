import { oneLine } from '../safe-text/outside.js';
import { publicText, type Redactor } from '../safe-text/redactor.js';
import type { MintConfig } from './config.js';
import type { MintedToken } from './coze-response.js';
import { formatDuration } from './duration.js';
import type { Verification } from './verify.js';

/** What a run learned, for the job summary, the CLI and alert issues. Never the token, a JWT or any part of the key. */
export interface RunReport {
  /** Where others read (summary, issues): a short digest that tells apps apart without showing the id. */
  app?: string;
  baseUrl?: string;
  audience?: string;
  sessionName?: string;
  /** When the token expires, and how long that was from the mint, as text. */
  expires?: string;
  /** accepted or refused: Coze answered the check call; no-answer: it never did, so nobody knows. */
  verification?: 'accepted' | 'refused' | 'no-answer';
  userId?: string;
  userName?: string;
  logId?: string;
  /** Coze's time less the runner's, in seconds, once an answer's Date header showed them more than 30 s apart (clock.ts). */
  clockSkewSeconds?: number;
  /** The same in words, for the summary. */
  clockSkew?: string;
  problem?: string;
  hint?: string;
}

/** The part of @actions/core's summary the action writes with. */
export interface SummaryWriter {
  addHeading(text: string, level?: number | string): SummaryWriter;
  addTable(rows: Array<Array<string | { data: string; header?: boolean }>>): SummaryWriter;
  write(): Promise<unknown>;
}

export function configReport(config: MintConfig): RunReport {
  return { baseUrl: config.baseUrl, audience: config.audience, ...(config.sessionName && { sessionName: config.sessionName }) };
}

export function mintedReport(minted: MintedToken): RunReport {
  return { expires: `${minted.expiresAt.toISOString()} (in ${formatDuration(minted.expiresIn)})`, ...(minted.logId && { logId: minted.logId }) };
}

export function verifiedReport(verification: Verification): RunReport {
  const { logId, userId, userName } = verification;
  return { verification: 'accepted', ...(logId && { logId }), ...(userId && { userId }), ...(userName && { userName }) };
}

export { formatDuration } from './duration.js';

/**
 * One table cell of the job summary, whatever the text: HTML and Markdown characters as entities, and line breaks
 * and other control characters as spaces, since a blank line would end the HTML table and let Markdown render.
 */
export function summaryCell(text: string): string {
  return oneLine(text).replace(/[&<>"'|@`*_[\]#~\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const VERIFICATION: Record<NonNullable<RunReport['verification']>, string> = {
  accepted: '✅ /v1/users/me accepted the token',
  refused: '❌ Coze refused the token',
  'no-answer': '⚠️ no answer from Coze, so not known (network)',
};

export function summaryRows(report: RunReport): Array<[string, string]> {
  const verification =
    report.verification === undefined ? (report.problem === undefined ? 'not asked (verify: false)' : undefined) : VERIFICATION[report.verification];
  const user = report.userName && report.userId ? `${report.userName} (${report.userId})` : (report.userName ?? report.userId);
  const rows: Array<[string, string | undefined]> = [
    ['Result', report.problem === undefined ? '✅ token minted' : '❌ failed'],
    ['App', report.app === undefined ? undefined : `${report.app} (a digest of app-id)`],
    ['Base URL', report.baseUrl],
    ['Audience', report.audience],
    ['Session name', report.sessionName],
    ['Token expires', report.expires],
    ['Verification', verification],
    ['User', user],
    ['Log id (x-tt-logid)', report.logId],
    ['Clock skew', report.clockSkew],
    ['Error', report.problem],
    ['What to do', report.hint],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined);
}

/** The report with every secret and id the run holds cut out of every value, for anything written outside the masked log. */
export function redactReport(report: RunReport, redactor: Pick<Redactor, 'redact'>): RunReport {
  return Object.fromEntries(Object.entries(report).map(([name, value]) => [name, typeof value === 'string' ? publicText(redactor, 'action', value) : value]));
}

export async function writeSummary(summary: SummaryWriter, report: RunReport): Promise<void> {
  const rows = summaryRows(report).map(([name, value]) => [{ data: name, header: true }, summaryCell(value)]);
  await summary.addHeading('Coze access token', 3).addTable(rows).write();
}
