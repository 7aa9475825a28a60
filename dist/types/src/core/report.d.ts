import { type Redactor } from '../safe-text/redactor.js';
import type { MintConfig } from './config.js';
import type { MintedToken } from './coze-response.js';
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
    addTable(rows: Array<Array<string | {
        data: string;
        header?: boolean;
    }>>): SummaryWriter;
    write(): Promise<unknown>;
}
export declare function configReport(config: MintConfig): RunReport;
export declare function mintedReport(minted: MintedToken): RunReport;
export declare function verifiedReport(verification: Verification): RunReport;
export { formatDuration } from './duration.js';
/**
 * One table cell of the job summary, whatever the text: HTML and Markdown characters as entities, and line breaks
 * and other control characters as spaces, since a blank line would end the HTML table and let Markdown render.
 */
export declare function summaryCell(text: string): string;
export declare function summaryRows(report: RunReport): Array<[string, string]>;
/** The report with every secret and id the run holds cut out of every value, for anything written outside the masked log. */
export declare function redactReport(report: RunReport, redactor: Pick<Redactor, 'redact'>): RunReport;
export declare function writeSummary(summary: SummaryWriter, report: RunReport): Promise<void>;
