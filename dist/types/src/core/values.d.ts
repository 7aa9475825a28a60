import { SETTINGS, type Setting } from './settings.js';
type Ranged = {
    [S in Setting]: (typeof SETTINGS)[S] extends {
        range: readonly [number, number];
    } ? S : never;
}[Setting];
/** Ids and fingerprints: printable ASCII, no spaces. */
export declare const IDENTIFIER: RegExp;
export declare function parseIdentifier(input: Setting, text: string, pattern?: RegExp): string;
/** One line of text: no line breaks or other control characters, at most 256 characters. */
export declare function parseText(input: Setting, text: string, what: string): string;
/** A whole number in the setting's range. */
export declare function parseInteger(input: Ranged, text: string): number;
/** Coze's scopes are a few levels deep and far under a kilobyte; these bounds leave room and stop abuse early. */
export declare const MAX_SCOPE_CHARACTERS: number;
export declare const MAX_SCOPE_DEPTH = 10;
export declare function parseScope(text: string): Record<string, unknown>;
/** Only an origin: https anywhere, http only to loopback, so a JWT never crosses a network in clear. */
export declare function parseBaseUrl(text: string): URL;
export {};
