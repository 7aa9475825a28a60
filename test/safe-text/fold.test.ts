// The folded form the redactor matches in: one string for every spelling a reader sees as the same, mapped back.
import { expect, it } from 'vitest';
import { fold, replaceRanges } from '../../src/safe-text/fold.ts';

it('writes each character in NFKC, lower-cased if asked, leaving out whitespace, invisible characters and marks', () => {
  expect(fold('Ａb\u200b c\u00ad①\u{1d7cf}\u2060İ\ufe0f', true).text).toBe('abc11i');
  expect(fold('Ａb ¨', false).text).toBe('Ab');
  // A Braille blank looks like a space, and a combining mark only decorates the digit under it.
  expect(fold('74\u28000\u0332001', false).text).toBe('740001');
});

it('maps every unit of the folded text back to the character it came from', () => {
  const folded = fold('x ㍱😀\u200bＹ', false);
  expect(folded.text).toBe('xhPa😀Y');
  expect(folded.from).toEqual([0, 2, 2, 2, 3, 3, 6]);
  expect(folded.to).toEqual([1, 3, 3, 3, 5, 5, 7]);
  expect([...folded.spaced]).toEqual([0, 1, 0, 0, 0, 0, 0]);
});

it('replaces ranges of the folded text in the original, with what stands inside, and merges those that overlap', () => {
  const text = 'a 1\u200b2 3 ⑴ b';
  const folded = fold(text, false);
  expect(folded.text).toBe('a123(1)b');
  expect(replaceRanges(text, folded, [{ first: 1, last: 3, by: '#' }])).toBe('a # ⑴ b');
  expect(
    replaceRanges(text, folded, [
      { first: 4, last: 4, by: 'L' },
      { first: 6, last: 6, by: 'R' },
    ]),
  ).toBe('a 1\u200b2 3 L b');
  expect(replaceRanges(text, folded, [])).toBe(text);
});
