/** Where the run happens, from the runner's environment. */
export interface RunContext {
    repository: string;
    serverUrl: string;
    apiUrl: string;
    runId: string;
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
export declare function runContextFrom(env: Record<string, string | undefined>): RunContext | undefined;
export declare function runUrl(context: RunContext): string;
/** The app, and the organisation when one is set: `5f0c2a91` or `5f0c2a91 for 0b7e11d4`. */
export declare const appAndOrg: (subject: AlertSubject) => string;
export declare function marker(subject: AlertSubject): string;
