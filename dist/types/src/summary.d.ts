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
export declare function configReport(config: MintConfig): RunReport;
export declare function mintedReport(minted: MintedToken): RunReport;
export declare function formatDuration(totalSeconds: number): string;
export declare function summaryRows(report: RunReport): Array<[string, string]>;
export declare function writeSummary(summary: typeof coreSummary, report: RunReport): Promise<void>;
