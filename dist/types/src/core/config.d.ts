import type { KeyObject } from 'node:crypto';
import { type Setting } from '../safe-text/terms.js';
export declare const DEFAULTS: {
    readonly 'base-url': 'https://api.coze.cn';
    readonly 'duration-seconds': '900';
    readonly 'timeout-seconds': '30';
    readonly 'deadline-seconds': '120';
    readonly retries: '3';
};
export declare const MAX_DURATION_SECONDS = 86399;
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
/** The action's inputs that make the config: every setting but verify, which only the action and the CLI's check read. */
export type InputName = Exclude<Setting, 'verify'>;
/** Reads one input as text; '' when it was not given. */
export type ReadInput = (name: InputName) => string;
export declare function readMintConfig(read: ReadInput): MintConfig;
/** Ids and fingerprints: printable ASCII, no spaces. */
export declare const IDENTIFIER: RegExp;
/** deadline-seconds read on its own, before anything else can fail; undefined when it is not valid. */
export declare function deadlineMsOf(text: string | undefined): number | undefined;
export declare const DEFAULT_DEADLINE_MS: number;
export declare function parseInteger(input: string, text: string, min: number, max: number): number;
/** Coze's scopes are a few levels deep and far under a kilobyte; these bounds leave room and stop abuse early. */
export declare const MAX_SCOPE_CHARACTERS: number;
export declare const MAX_SCOPE_DEPTH = 10;
/** Only an origin: https anywhere, http only to loopback, so a JWT never crosses a network in clear. */
export declare function parseBaseUrl(text: string): URL;
