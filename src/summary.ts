import type { summary as coreSummary } from '@actions/core';
import type { MintConfig } from './config.js';
import type { MintedToken } from './coze-response.js';

/** What a run learned, for the job summary. Never the token, a JWT or any part of the key. */
export interface RunReport {
  appId?: string;
  baseUrl?: string;
  audience?: string;
  sessionName?: string;
  expiresAt?: Date;
  expiresIn?: number;
  verified?: boolean;
  logId?: string;
  problem?: string;
  hint?: string;
}

export function configReport(config: MintConfig): RunReport {
  return { appId: config.appId, baseUrl: config.baseUrl, audience: config.audience, ...(config.sessionName && { sessionName: config.sessionName }) };
}

export function mintedReport(minted: MintedToken): RunReport {
  return { expiresAt: minted.expiresAt, expiresIn: minted.expiresIn, ...(minted.logId && { logId: minted.logId }) };
}

export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = [hours && `${hours} h`, minutes && `${minutes} min`, (seconds || totalSeconds === 0) && `${seconds} s`];
  return parts.filter(Boolean).join(' ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function summaryRows(report: RunReport): Array<[string, string]> {
  const verification = report.verified === undefined ? 'not asked (verify: false)' : report.verified ? '✅ /v1/users/me accepted the token' : '❌ refused';
  const rows: Array<[string, string | undefined]> = [
    ['Result', report.problem === undefined ? '✅ token minted' : '❌ failed'],
    ['App id', report.appId],
    ['Base URL', report.baseUrl],
    ['Audience', report.audience],
    ['Session name', report.sessionName],
    ['Token expires', report.expiresAt && `${report.expiresAt.toISOString()} (in ${formatDuration(report.expiresIn ?? 0)})`],
    ['Verification', report.problem === undefined || report.verified !== undefined ? verification : undefined],
    ['Log id (x-tt-logid)', report.logId],
    ['Error', report.problem],
    ['What to do', report.hint],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
}

export async function writeSummary(summary: typeof coreSummary, report: RunReport): Promise<void> {
  const rows = summaryRows(report).map(([name, value]) => [{ data: name, header: true }, escapeHtml(value)]);
  await summary.addHeading('Coze access token', 3).addTable(rows).write();
}
