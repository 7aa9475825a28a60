import type { KeyObject } from 'node:crypto';
import { InputError } from './errors.js';
import { SETTINGS, type Setting } from './settings.js';
/** The settings with a default, and the default as text. */
type Defaulted = {
    [S in Setting]: (typeof SETTINGS)[S] extends {
        default: string;
    } ? S : never;
}[Setting];
type Ranged = {
    [S in Setting]: (typeof SETTINGS)[S] extends {
        range: readonly [number, number];
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
    accountId?: string;
    enterpriseId?: string;
    timeoutMs: number;
    /** The whole run, mint and verify together, every attempt and every wait. */
    deadlineMs: number;
    retries: number;
}
/** The settings that make the config: every setting of the mint, not the action's own switches. */
export type InputName = Exclude<Setting, 'verify' | 'export-env' | 'summary' | 'issue-on-failure' | 'github-token'>;
/** Reads one input as text; '' when it was not given. */
export type ReadInput = (name: InputName) => string;
/** deadline-seconds, read once and first: a bad one is reported in its turn, while the default bounds the run. */
export interface ReadDeadline {
    deadlineMs: number;
    problem?: InputError;
}
export declare function readDeadline(text: string | undefined): ReadDeadline;
export declare function readMintConfig(read: ReadInput, deadline?: ReadDeadline): MintConfig;
/** Ids and fingerprints: printable ASCII, no spaces. */
export declare const IDENTIFIER: RegExp;
/** A whole number in the setting's range. */
export declare function parseInteger(input: InputName & Ranged, text: string): number;
/** Coze's scopes are a few levels deep and far under a kilobyte; these bounds leave room and stop abuse early. */
export declare const MAX_SCOPE_CHARACTERS: number;
export declare const MAX_SCOPE_DEPTH = 10;
/** Only an origin: https anywhere, http only to loopback, so a JWT never crosses a network in clear. */
export declare function parseBaseUrl(text: string): URL;
export {};
