// Text folded for matching secrets and ids: every spelling a reader sees as the same characters becomes one string.

/**
 * What does not change which characters a reader takes an id for: whitespace, format characters (Cf), other default
 * ignorables, the Braille blank (U+2800, which shows as a space), and combining marks (an underline over a digit).
 */
const UNSEEN = /[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\p{M}]/u;
const WHITESPACE = /\s/u;

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
export function fold(text: string, lowerCase: boolean): Folded {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  const spaced: number[] = [];
  let space = 0;
  let at = 0;
  // Code point by code point (a lone surrogate is one of its own); UNSEEN and WHITESPACE test one at a time.
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code > 0x20 && code < 0x7f) {
      // Printable ASCII, most of any text, is its own NFKC.
      folded += lowerCase ? character.toLowerCase() : character;
      from.push(at);
      to.push(at + 1);
      spaced.push(space);
      space = 0;
    } else if (WHITESPACE.test(character)) space = 1;
    else {
      const normal = character.normalize('NFKC');
      for (const part of lowerCase ? normal.toLowerCase() : normal) {
        // Unseen characters stay unseen in NFKC; and NFKC writes some characters with a space or a mark (¨ is a
        // space and a combining diaeresis).
        if (UNSEEN.test(part)) continue;
        for (let unit = 0; unit < part.length; unit++) {
          folded += part[unit];
          from.push(at);
          to.push(at + character.length);
          spaced.push(space);
          space = 0;
        }
      }
    }
    at += character.length;
  }
  return { text: folded, from, to, spaced: Uint8Array.from(spaced) };
}

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
export function replaceRanges(text: string, folded: Folded, ranges: FoldedRange[]): string {
  const merged: Array<{ start: number; end: number; by: string }> = [];
  for (const { first, last, by } of ranges) {
    const [start, end] = [folded.from[first] as number, folded.to[last] as number];
    const previous = merged[merged.length - 1];
    if (previous && start < previous.end) previous.end = Math.max(previous.end, end);
    else merged.push({ start, end, by });
  }
  let out = '';
  let kept = 0;
  for (const { start, end, by } of merged) {
    out += text.slice(kept, start) + by;
    kept = end;
  }
  return out + text.slice(kept);
}
