import type * as actionsCore from '@actions/core';
import { type MintDeps } from '../core/mint.js';
import { type AlertDeps } from './issue.js';
import { type SummaryWriter } from './summary.js';
export type Core = Pick<typeof actionsCore, 'getInput' | 'getBooleanInput' | 'setSecret' | 'setOutput' | 'exportVariable' | 'info' | 'debug' | 'warning' | 'setFailed'> & {
    summary: SummaryWriter;
};
export type { OpenIssuesApi } from './issue.js';
export interface ActionDeps extends MintDeps, AlertDeps {
}
/** The whole step: it never throws; a failure is the step's error, its summary and (if asked) its alert issue. */
export declare function runStep(runnerCore: Core, runDeps: ActionDeps): Promise<void>;
