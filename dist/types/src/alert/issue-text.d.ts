import { type RunReport } from '../core/report.js';
import { type AlertSubject, type RunContext } from './subject.js';
export declare function failureIssue(subject: AlertSubject, report: RunReport, context: RunContext): {
    title: string;
    body: string;
};
export declare function failureComment(report: RunReport, context: RunContext): string;
export declare function recoveryComment(context: RunContext): string;
export declare function duplicateComment(kept: number, context: RunContext): string;
