import type { KeyObject } from 'node:crypto';
import { InputError } from './errors.js';
import { type SessionContext } from './session-context.js';
import { SETTINGS, type Setting } from './settings.js';
export { IDENTIFIER, MAX_SCOPE_CHARACTERS, MAX_SCOPE_DEPTH, parseBaseUrl } from './values.js';
/** The settings with a default, and the default as text. */
type Defaulted = {
    [S in Setting]: (typeof SETTINGS)[S] extends {
        default: string;
    } ? S : never;
}[Setting];
export declare const defaultOf: (name: Defaulted) => string;
export declare const MAX_DURATION_SECONDS: 86399;
/** Everything the mint needs, validated. Built once from inputs, flags or environment. */
export interface MintConfig {
    appId: string;
    publicKeyId: string;
    privateKey: KeyObject;
    baseUrl: string;
    audience: string;
    durationSeconds: number;
    sessionName?: string;
    scope?: Record<string, unknown>;
    sessionContext?: SessionContext;
    accountId?: string;
    enterpriseId?: string;
    timeoutMs: number;
    /** The whole run, mint and verify together, every attempt and every wait. */
    deadlineMs: number;
    retries: number;
    /** The credentials oauth-config gave (not given beside it): hints name the file's fields for them. */
    fromOAuthConfig?: readonly Setting[];
}
/** The settings that make the config: every setting of the mint, not the action's own switches. */
export type InputName = Exclude<Setting, 'verify' | 'export-env' | 'summary' | 'issue-on-failure' | 'github-token' | 'expected-user-id'>;
/** Reads one input as text; '' when it was not given. */
export type ReadInput = (name: InputName) => string;
/** deadline-seconds, read once and first: a bad one is reported in its turn, while the default bounds the run. */
export interface ReadDeadline {
    deadlineMs: number;
    problem?: InputError;
}
export declare function readDeadline(text: string | undefined): ReadDeadline;
/** Says why required settings may be missing where they are (a fork's pull request gets no secrets, say). */
export type ExplainMissing = () => string | undefined;
export declare function readMintConfig(read: ReadInput, deadline?: ReadDeadline, explainMissing?: ExplainMissing): MintConfig;
