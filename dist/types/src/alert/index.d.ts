import { type RunReport } from '../core/report.js';
import { type Redact } from '../safe-text/outside.js';
export declare const ALERT_LABEL = "coze-token-check";
export interface LabelSpec {
    name: string;
    color: string;
    description: string;
}
export declare const ALERT_LABEL_SPEC: LabelSpec;
/** Where the run happens, from the runner's environment. */
export interface RunContext {
    repository: string;
    serverUrl: string;
    apiUrl: string;
    runId: string;
}
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
     * The newest open issue (not a pull request) opened by `author`, labelled `label` (case aside) if given, that
     * matches; from a bounded listing. Throws when the listing fails, or ends before it could tell.
     */
    findOpen(filter: {
        author: Identity;
        label?: string;
    }, matches: (issue: AlertIssue) => boolean): Promise<AlertIssue | undefined>;
    create(issue: {
        title: string;
        body: string;
        labels: string[];
    }): Promise<number>;
    comment(number: number, body: string): Promise<void>;
    close(number: number): Promise<void>;
}
/**
 * One open issue per app and site. Issues are public in a public repository, so the app is named by a digest of
 * its id (the README keeps the id in a secret), and the check by its workflow and job.
 */
export interface AlertSubject {
    app: string;
    site: string;
    /** A digest of account-id or enterprise-id, when one is set: one app may mint for several organisations. */
    org?: string | undefined;
    workflow?: string | undefined;
    job?: string | undefined;
}
/**
 * Eight hex digits of SHA-256 over the repository and the app id: the same app gives the same tag in every run, two
 * apps differ, and 32 bits are too few to tell which id it was even by trying every id.
 */
export declare function appTag(appId: string, repository: string): string;
export declare function runContextFrom(env: Record<string, string | undefined>): RunContext | undefined;
export declare function runUrl(context: RunContext): string;
export declare function marker(subject: AlertSubject): string;
/** An alert issue of this check: its body starts with the marker, where only the action writes it (inert() defuses <!-- in quoted words). */
export declare function isAlertOf(subject: AlertSubject): (issue: Pick<AlertIssue, 'body'>) => boolean;
/** GitHub's label names ignore case, and so do we. */
export declare function sameLabel(a: string, b: string): boolean;
/**
 * Text from outside (Coze's words, ids, inputs) as an inline code span: no link, image, mention, HTML or
 * cross-reference renders in it, and it stays readable. The fence is longer than any run of backticks inside;
 * a pipe is escaped, as GitHub's tables need even inside code.
 */
export declare function inertCode(text: string): string;
export declare function failureIssue(subject: AlertSubject, report: RunReport, context: RunContext): {
    title: string;
    body: string;
};
export declare function failureComment(report: RunReport, context: RunContext): string;
export declare function recoveryComment(context: RunContext): string;
/**
 * Opens an issue on the first failure, comments while it keeps failing, and closes it on recovery: one issue per
 * check, whatever happens to its label. An issue is the check's only if the github-token's own identity opened it
 * (a marker is public, and anyone can copy it) and its body starts with the check's marker. Where the label exists
 * it narrows the listing first; an issue that lost its label (never set, dropped by GitHub, removed by someone) is
 * found in the listing by author all the same, and gets the label back where the token may set it. A passing run
 * with no open issue writes nothing. Returns what it did, for the log.
 */
export declare function alertOnGitHub(api: IssuesApi, subject: AlertSubject, report: RunReport, context: RunContext, log: (message: string) => void): Promise<string>;
/** Why the alert could not be written, without anything of the token or of the request. */
export declare function describeGitHubError(error: unknown, redact?: Redact): string;
