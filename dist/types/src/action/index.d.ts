import type * as actionsCore from '@actions/core';
import { type IssuesApi, type RunContext } from '../alert/index.js';
import { type MintDeps } from '../core/mint.js';
import { type SummaryWriter } from './summary.js';
export type Core = Pick<typeof actionsCore, 'getInput' | 'getBooleanInput' | 'setSecret' | 'setOutput' | 'exportVariable' | 'info' | 'debug' | 'warning' | 'setFailed'> & {
    summary: SummaryWriter;
};
/** Opens the repository's issues; the default loads @actions/github only when it is called. */
export type OpenIssuesApi = (token: string, context: RunContext, send: MintDeps['send'], timeLeftMs: () => number, userAgent: string) => Promise<IssuesApi>;
export interface ActionDeps extends MintDeps {
    env: Record<string, string | undefined>;
    openIssuesApi?: OpenIssuesApi;
}
/** inputs → validated config → JWT → exchange (→ verify) → outputs; then the summary and the alert, either way. */
export declare function run(runnerCore: Core, runDeps: ActionDeps): Promise<void>;
