// Outside text in Markdown: one table cell of the summary, or one inline code span of an issue, whatever it holds.
import { expect, it } from 'vitest';
import { inertCode, summaryCell } from '../../src/safe-text/markdown.ts';

it('escapes what could break out of a table cell or mention someone', () => {
  expect(summaryCell(`<b>&"'|@x`)).toBe('&#60;b&#62;&#38;&#34;&#39;&#124;&#64;x');
});

it('makes one summary cell of any text: control characters as one space, HTML and Markdown as entities', () => {
  expect(summaryCell('a\n\n\tb')).toBe('a b');
  expect(summaryCell('**x** [y](z) `c` #1 ~s~ _u_ \\')).toBe(
    '&#42;&#42;x&#42;&#42; &#91;y&#93;(z) &#96;c&#96; &#35;1 &#126;s&#126; &#95;u&#95; &#92;',
  );
});

it('writes outside text as one inline code span, whatever backticks, pipes or control characters it holds', () => {
  expect(inertCode('plain')).toBe('`plain`');
  expect(inertCode('a `b` c')).toBe('``a `b` c``');
  expect(inertCode('``x``')).toBe('``` ``x`` ```');
  expect(inertCode('x`')).toBe('`` x` ``');
  expect(inertCode('`x')).toBe('`` `x ``');
  expect(inertCode('a|b\n\n# c\u0007')).toBe('`a\\|b # c `');
});
