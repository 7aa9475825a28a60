import { type AlertSubject, type IssuesApi, type RunContext } from '../alert/index.js';
import type { MintDeps } from '../core/mint.js';
import type { RunReport } from '../core/report.js';
import type { Redactor } from '../safe-text/redactor.js';
/** Opens the repository's issues; the default loads @actions/github only when it is called. */
export type OpenIssuesApi = (token: string, context: RunContext, send: MintDeps['send'], timeLeftMs: () => number, userAgent: string) => Promise<IssuesApi>;
/** What the alert needs of the step: its log, the runner's environment and the HTTP client. */
export interface AlertDeps {
    env: Record<string, string | undefined>;
    send: MintDeps['send'];
    userAgent: string;
    openIssuesApi?: OpenIssuesApi;
}
type AlertLog = {
    info: (text: string) => void;
    warning: (text: string) => void;
};
/** GitHub trouble never changes the step's result: it becomes one warning naming the permission to grant. */
export declare function raiseAlert(core: AlertLog, deps: AlertDeps, token: string, subject: AlertSubject, report: RunReport, timeLeftMs: () => number, redactor: Redactor): Promise<void>;
export {};
