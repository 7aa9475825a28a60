import type * as actionsCore from '@actions/core';
import type { AlertSubject } from '../alert/index.js';
import { type ReadDeadline } from '../core/config.js';
type Inputs = Pick<typeof actionsCore, 'getInput' | 'getBooleanInput' | 'info'>;
/** A true/false input; empty is the table's default. */
export declare function readBoolean(core: Inputs, name: 'verify' | 'export-env' | 'summary' | 'issue-on-failure'): boolean;
/** deadline-seconds, read before any other input can fail, so that it bounds the alert even when another is wrong. */
export declare function readStepDeadline(core: Inputs): ReadDeadline;
/** Which app and site an alert is about, from the raw inputs, so that a bad input can be reported too. */
export declare function alertSubject(core: Inputs, env: Record<string, string | undefined>): AlertSubject;
export {};
