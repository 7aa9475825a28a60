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
export declare function configReport(config: MintConfig): RunReport;
export declare function mintedReport(minted: MintedToken): RunReport;
export declare function verifiedReport(verification: Verification): RunReport;
export { formatDuration } from './duration.js';
export declare function summaryRows(report: RunReport): Array<[string, string]>;
/**
 * The report with every secret and id the run holds cut out of every value, for anything written outside the masked
 * log.
 */
export declare function redactReport(report: RunReport, redactor: Pick<Redactor, 'redact'>): RunReport;
/**
 * Eight hex digits that name the app wherever others read: the same in every run, different for two apps, and not
 * the id. Many ids share each digest (32 bits), and finding even those means a scrypt run for every id tried.
 */
export declare function appTag(appId: string, repository: string): string;
/**
 * The app's digest and, with an account-id or enterprise-id, the organisation's: eight hex digits of an HMAC keyed
 * with the app's stretched key, so that nobody without the app id can try organisation ids (7 digits) against it.
 */
export declare function checkTags(appId: string, repository: string, org?: string): {
    app: string;
    org?: string;
};
