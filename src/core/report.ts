// The run report: what a run learned, as rows for the job summary, the CLI and alert issues, and the app's digest.
import { createHmac, scryptSync } from 'node:crypto';
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
  /**
   * Coze's time less the runner's, in seconds, once an answer's Date header showed them more than 30 s apart
   * (clock.ts).
   */
  clockSkewSeconds?: number;
  /** The same in words, for the summary. */
  clockSkew?: string;
  problem?: string;
  hint?: string;
}

export function configReport(config: MintConfig): RunReport {
  return {
    baseUrl: config.baseUrl,
    audience: config.audience,
    ...(config.sessionName && { sessionName: config.sessionName }),
  };
}

export function mintedReport(minted: MintedToken): RunReport {
  return {
    expires: `${minted.expiresAt.toISOString()} (in ${formatDuration(minted.expiresIn)})`,
    ...(minted.logId && { logId: minted.logId }),
  };
}

export function verifiedReport(verification: Verification): RunReport {
  const { logId, userId, userName } = verification;
  return {
    verification: 'accepted',
    ...(logId && { logId }),
    ...(userId && { userId }),
    ...(userName && { userName }),
  };
}

export { formatDuration } from './duration.js';

const VERIFICATION: Record<NonNullable<RunReport['verification']>, string> = {
  accepted: '✅ /v1/users/me accepted the token',
  refused: '❌ Coze refused the token',
  'no-answer': '⚠️ no answer from Coze, so not known (network)',
};

export function summaryRows(report: RunReport): Array<[string, string]> {
  const verification =
    report.verification === undefined
      ? report.problem === undefined
        ? 'not asked (verify: false)'
        : undefined
      : VERIFICATION[report.verification];
  const user =
    report.userName && report.userId ? `${report.userName} (${report.userId})` : (report.userName ?? report.userId);
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

/**
 * The report with every secret and id the run holds cut out of every value, for anything written outside the masked
 * log.
 */
export function redactReport(report: RunReport, redactor: Pick<Redactor, 'redact'>): RunReport {
  return Object.fromEntries(
    Object.entries(report).map(([name, value]) => [
      name,
      typeof value === 'string' ? publicText(redactor, 'action', value) : value,
    ]),
  );
}

/**
 * scrypt's cost (N = 2^12, r = 8, p = 1: 4 MiB, about 7 ms, which every run pays): an app id has about 13 digits, so
 * an unkeyed hash of it could be reversed by trying every id; at this cost trying them all takes thousands of years.
 */
const STRETCH = { N: 4096, r: 8, p: 1 } as const;

/** The key that public digests are made with, stretched from the app id (which the public does not hold). */
function digestKey(appId: string, repository: string): Buffer {
  return scryptSync(appId.trim(), `coze-token-check:${repository}`, 32, STRETCH);
}

const tag = (bytes: Buffer) => bytes.toString('hex').slice(0, 8);

/**
 * Eight hex digits that name the app wherever others read: the same in every run, different for two apps, and not
 * the id. Many ids share each digest (32 bits), and finding even those means a scrypt run for every id tried.
 */
export function appTag(appId: string, repository: string): string {
  return appId.trim() === '' ? 'unknown' : tag(digestKey(appId, repository));
}

/**
 * The app's digest and, with an account-id or enterprise-id, the organisation's: eight hex digits of an HMAC keyed
 * with the app's stretched key, so that nobody without the app id can try organisation ids (7 digits) against it.
 */
export function checkTags(appId: string, repository: string, org?: string): { app: string; org?: string } {
  if (appId.trim() === '') return { app: 'unknown', ...(org && { org: 'unknown' }) };
  const key = digestKey(appId, repository);
  return { app: tag(key), ...(org && { org: tag(createHmac('sha256', key).update(`org:${org.trim()}`).digest()) }) };
}
