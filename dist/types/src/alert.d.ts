import { type RunReport } from './summary.js';
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
}
/** Who the github-token acts for, as GitHub says: the only author whose issues an alert may touch. */
export interface Identity {
    login: string;
    id: number;
}
/** The few issue calls an alert needs; github-issues.ts implements them with @actions/github. */
export interface IssuesApi {
    viewer(): Promise<Identity>;
    labelExists(name: string): Promise<boolean>;
    /** Creates the label: 'refused' when the token may not. */
    createLabel(label: LabelSpec): Promise<'created' | 'exists' | 'refused'>;
    /**
     * The newest open issue (not a pull request) opened by `author`, labelled `label` if given, that matches; from a
     * bounded listing. Throws when the listing fails, or ends before it could tell.
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
 * Opens an issue on the first failure, comments while it keeps failing, and closes it on recovery.
 * A passing run with no open issue writes nothing. Returns what it did, for the log.
 */
export declare function alertOnGitHub(api: IssuesApi, subject: AlertSubject, report: RunReport, context: RunContext, log: (message: string) => void): Promise<string>;
/** Why the alert could not be written, without anything of the token or of the request. */
export declare function describeGitHubError(error: unknown): string;
