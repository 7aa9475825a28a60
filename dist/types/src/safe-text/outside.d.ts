/** How much of each kind of outside text is kept; past it the text ends in … and the rest is never looked at. */
export declare const BOUND: {
    /** Coze's or GitHub's words, a code, a user's name or id. */
    readonly words: 300;
    /** A header value, before it is checked for its shape. */
    readonly header: 256;
    /** A URL from outside (a redirect's Location), before it is parsed. */
    readonly url: 2048;
    /** A name of ours from the environment (workflow, job), or an option name the user typed. */
    readonly name: 120;
};
/** Cuts what is redacted out of outside text: the secrets and ids one run holds. */
export type Redact = (text: string) => string;
export declare const REDACTED = "[redacted]";
/** The text on one line: each run of control characters, line breaks included, as one space. */
export declare function oneLine(text: string): string;
/**
 * The text without a runner command opener: no `##[` anywhere in a line (the legacy ##[error], ##[group], ...), and
 * no `::` first on a line, whitespace aside (::error::, ::add-mask::, ...). Nothing it writes makes a new one.
 */
export declare function withoutCommands(text: string): string;
/**
 * Text from outside made inert: one line; none of the brackets that mark our own terms (terms.ts), so that no
 * outside text is ever rendered as the tool's own advice; no runner command opener; and no `<!--`, so that quoted
 * words never carry an HTML comment, such as the marker of an alert issue.
 */
export declare function inert(text: string): string;
/** The first `max` characters, never half of a surrogate pair. */
export declare function bounded(text: string, max: number): string;
/** A JWT or a Coze token, whoever's, cut out by its shape: outside text has no business repeating one. */
export declare function withoutSecretShapes(text: string): string;
/**
 * The gate: a string or number from outside, cut to `max`, inert, without anything secret-shaped and without what
 * `redact` knows; undefined when nothing is left. Text cut short ends in ….
 */
export declare function outsideText(value: unknown, max?: number, redact?: Redact): string | undefined;
/** The first line of outside text, through the gate. */
export declare function firstLine(value: string, max?: number, redact?: Redact): string | undefined;
