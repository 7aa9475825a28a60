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
export declare const code: (...codes: Array<string | undefined>) => (answer: Answer) => boolean;
export declare const says: (pattern: RegExp) => (answer: Answer) => boolean;
export declare const status: (test: (status: number) => boolean) => (answer: Answer) => boolean;
/**
 * The host of base-url, and the other Coze site's origin; none for a host that is not a Coze site (a stand-in, a
 * proxy).
 */
export declare function otherSite(baseUrl: string): {
    here: string;
    other?: string;
};
/** For a host that is not a Coze site, the other site is no answer: base-url itself is in question. */
export declare const checkBaseUrl: (verb?: string) => string;
export declare function credentialsHint(_: Answer, { baseUrl }: AnswerContext): string;
export declare function redirectTarget(answer: Answer, baseUrl: string): string;
