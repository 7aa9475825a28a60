import type { HttpResponse } from './http.js';
/** What Coze (or whatever answered in its place) said, read from any of its answer shapes. */
export interface Answer {
    status: number;
    /** error_code of the token endpoint, or the code of the other APIs (never '0'). */
    code?: string;
    /** error_message, msg or error_description, as Coze wrote it. */
    message?: string;
    /** Location of a redirect, for the hint. */
    location?: string;
}
export interface AnswerContext {
    baseUrl: string;
}
/**
 * One documented (or often met) answer: how to recognise it, what to do about it, and whether trying again
 * can help. `label` is how the README's troubleshooting table names it, and a test holds the two together.
 */
export interface KnownAnswer {
    label: string;
    matches: (answer: Answer) => boolean;
    hint: (answer: Answer, context: AnswerContext) => string;
    transient?: boolean;
}
/** First match wins, so the specific answers stand before the general ones. */
export declare const KNOWN_ANSWERS: readonly KnownAnswer[];
export declare function knownAnswer(answer: Answer): KnownAnswer | undefined;
export declare function asRecord(value: unknown): Record<string, unknown> | undefined;
export declare function jsonObject(body: string): Record<string, unknown> | undefined;
/** The text on one line: each run of control characters, line breaks included, as one space. */
export declare function oneLine(text: string): string;
/**
 * Text from outside made inert: one line; none of the brackets that mark our own terms (terms.ts), so that no
 * outside text is ever rendered as the tool's own advice; and no `##[`, which the runner reads as a legacy command
 * (##[error], ##[group], ...) anywhere in a log line, not only at its start as it does `::`.
 */
export declare function inert(text: string): string;
/** Coze's words, made safe for one log line: no control characters, no secrets, bounded length. */
export declare function cleanText(value: unknown): string | undefined;
/** Coze's log id (x-tt-logid) when it has the shape of one: letters, digits, - and _, at most 64; else nothing. */
export declare function logIdOf(response: Pick<HttpResponse, 'headers'>): string | undefined;
/** Reads any Coze answer: the token endpoint's error_code / error_message, or the other APIs' code / msg. */
export declare function readAnswer(response: HttpResponse): Answer & {
    refused: boolean;
};
/** Worth another attempt: 408, 429, 5xx, or a documented transient code whatever the HTTP status. */
export declare function isTransient(response: HttpResponse): boolean;
