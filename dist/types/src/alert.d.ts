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
/** The few issue calls an alert needs; github-issues.ts implements them with @actions/github. */
export interface IssuesApi {
    /** Makes sure the repository has the label: 'refused' when the token may not create it. */
    ensureLabel(label: LabelSpec): Promise<'exists' | 'created' | 'refused'>;
    /** The newest open issue (not a pull request) that matches, from a bounded listing; throws when the listing fails. */
    findOpen(matches: (issue: AlertIssue) => boolean): Promise<AlertIssue | undefined>;
    create(issue: {
        title: string;
        body: string;
        labels: string[];
    }): Promise<number>;
    comment(number: number, body: string): Promise<void>;
    close(number: number): Promise<void>;
}
/** One open issue per app and site: the marker in its body is how a later run finds it. */
export interface AlertSubject {
    appId: string;
    site: string;
}
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
