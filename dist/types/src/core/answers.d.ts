/** What Coze (or whatever answered in its place) said, as the known answers below recognise it. */
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
 * can help. `label` is how the table in docs/troubleshooting.md names it, and a test holds the two together.
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
