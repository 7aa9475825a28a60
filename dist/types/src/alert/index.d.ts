import type { RunReport } from '../core/report.js';
import { type Redact } from '../safe-text/outside.js';
import { type AlertSubject, type RunContext } from './subject.js';
export { duplicateComment, failureComment, failureIssue, recoveryComment } from './issue-text.js';
export { type AlertSubject, appAndOrg, marker, type RunContext, runContextFrom, runUrl } from './subject.js';
export declare const ALERT_LABEL = "coze-token-check";
export interface LabelSpec {
    name: string;
    color: string;
    description: string;
}
export declare const ALERT_LABEL_SPEC: LabelSpec;
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
    findOpen(filter: {
        author: Identity;
        label?: string;
    }, matches: (issue: AlertIssue) => boolean): Promise<AlertIssue[]>;
    create(issue: {
        title: string;
        body: string;
        labels: string[];
    }): Promise<number>;
    comment(number: number, body: string): Promise<void>;
    /** Closes the issue as completed, or as not planned (a duplicate). */
    close(number: number, reason?: 'completed' | 'not_planned'): Promise<void>;
}
/**
 * An alert issue of this check: its body starts with the marker, where only the action writes it (inert() defuses <!--
 * in quoted words).
 */
export declare function isAlertOf(subject: AlertSubject): (issue: Pick<AlertIssue, 'body'>) => boolean;
/** GitHub's label names ignore case, and so do we. */
export declare function sameLabel(a: string, b: string): boolean;
/**
 * Opens an issue on the first failure, comments while it keeps failing, and closes it on recovery: one issue per
 * check, whatever happens to its label. An issue is the check's only if the github-token's own identity opened it
 * (a marker is public, and anyone can copy it) and its body starts with the check's marker. Where the label exists
 * it narrows the listing first; an issue that lost its label (never set, dropped by GitHub, removed by someone) is
 * found in the listing by author all the same, and gets the label back where the token may set it. A passing run
 * with no open issue writes nothing; where two runs at once each opened one, the oldest stays and the others close.
 * Returns what it did, for the log.
 */
export declare function alertOnGitHub(api: IssuesApi, subject: AlertSubject, report: RunReport, context: RunContext, log: (message: string) => void): Promise<string>;
/** Why the alert could not be written, without anything of the token or of the request. */
export declare function describeGitHubError(error: unknown, redact?: Redact): string;
