/**
 * The folded text, and for each of its code units where the character it came from stands in the original text
 * (`from` to `to`), and whether whitespace stood between it and the code unit before (`spaced`).
 */
export interface Folded {
    text: string;
    from: number[];
    to: number[];
    spaced: Uint8Array;
}
/**
 * Each character in NFKC (fullwidth, circled and mathematical digits and letters become ASCII), lower-cased with
 * `lowerCase`, with whitespace and invisible characters left out. Character by character, so that every position
 * maps back to the original text, whatever NFKC or lower-casing does to lengths; linear in the text's length.
 */
export declare function fold(text: string, lowerCase: boolean): Folded;
/** A stretch of the folded text, its first and last code units, and what it becomes. */
export interface FoldedRange {
    first: number;
    last: number;
    by: string;
}
/**
 * The original text with each range of its folded form replaced, ranges in order of `first`. What stands between
 * two units of one range (whitespace, invisible characters) goes with it; ranges that overlap in the original text
 * (two ids that share characters, two pieces of one fullwidth character) become one, named by the first.
 */
export declare function replaceRanges(text: string, folded: Folded, ranges: FoldedRange[]): string;
