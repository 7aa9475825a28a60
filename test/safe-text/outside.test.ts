// The one gate for outside text: bounded first, then inert, then redacted; linear in time, whatever the text holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../src/core/coze-response.ts';
import {
  BOUND,
  bounded,
  firstLine,
  inert,
  outsideText,
  withoutCommands,
  withoutSecretShapes,
} from '../../src/safe-text/outside.ts';
import { createRedactor } from '../../src/safe-text/redactor.ts';

/** The pattern the gate replaced: right in what it finds, quadratic on long runs of token-like text. */
const OLD_SECRET_LOOKING = /eyJ[\w-]*\.[\w-]+\.[\w-]*|\b(?:pat|sat|cz[a-z])_[\w-]+/g;

/** Milliseconds for f. */
function timeOf(f: () => void): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}

describe('the gate', () => {
  it('leaves nothing the old pattern would take for a JWT or a Coze token, and changes nothing where it finds none', () => {
    const piece = fc.constantFrom(
      'eyJ',
      'eyJhbGci',
      '.',
      '..',
      'pat_',
      'sat_',
      'czs_',
      'x',
      '-',
      '_',
      ' ',
      'ab',
      '9',
      'é',
      '=',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const out = withoutSecretShapes(text);
        expect(out.match(OLD_SECRET_LOOKING)).toBeNull();
        if (text.match(OLD_SECRET_LOOKING) === null) expect(out).toBe(text);
        else expect(out).toContain('[redacted]');
      }),
      { numRuns: 5000 },
    );
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJlLXBhcnQ';
    expect(withoutSecretShapes(`bad ${jwt}, czs_a-b_c pat_x sat_y kept_z`)).toBe(
      'bad [redacted], [redacted] [redacted] [redacted] kept_z',
    );
    expect(withoutSecretShapes(`${jwt}.`)).toBe('[redacted].');
    expect(withoutSecretShapes(`x.${jwt}.y.z`)).toBe('x.[redacted].y.z');
  });

  it('bounds before it looks: a megabyte of hostile text gives its first 300 characters and a mark', () => {
    const hostile = 'eyJ'.repeat(349_525);
    expect(outsideText(hostile)).toBe(`${hostile.slice(0, BOUND.words)}…`);
  });

  it('scans a quarter megabyte unbounded in seconds at most, where the old pattern took many minutes', () => {
    // A behaviour, not a figure (npm run bench measures the cost per MiB): the old pattern took 1.5 s on 32,000
    // characters and six to eight times as long for each doubling; instrumented for mutation testing, this takes 1 s.
    for (const unit of ['eyJ', 'eyJa.', 'pat_', '.eyJ', 'eyJa.b']) {
      const text = unit.repeat(262_144 / unit.length);
      expect(timeOf(() => withoutSecretShapes(text))).toBeLessThan(5000);
    }
  });

  it('reads a 1 MiB answer of token-like words in milliseconds, on every field it quotes', () => {
    const words = 'eyJ'.repeat(349_525);
    const started = performance.now();
    const answer = readAnswer({
      status: 400,
      headers: { 'x-tt-logid': words, 'content-type': words, 'retry-after': words, location: words },
      body: JSON.stringify({ error_code: words, error_message: words, data: { user_id: words, user_name: words } }),
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(answer.message).toHaveLength(BOUND.words + 1);
    expect(answer.logId).toBeUndefined();
    expect(answer.location?.length).toBe(BOUND.url);
  });

  it('leaves :: inside a line, where it opens no runner command (C++ names, IPv6 addresses)', () => {
    expect(withoutCommands('no std::string at ::1')).toBe('no std::string at ::1');
    expect(withoutCommands('line\n \t::error::x')).toBe('line\n \t: :error::x');
    // What .NET's TrimStart takes off before the runner looks for ::, a vertical tab and a form feed included.
    expect(withoutCommands('\v::error::x\n\f::warning::y')).toBe('\v: :error::x\n\f: :warning::y');
  });

  it('makes quoted words inert: one line, none of our terms, no runner command, no HTML comment', () => {
    expect(inert('a\nb\u0085c\u202ed ⟦base-url⟧ ##[error] <!-- x -->')).toBe(
      'a b c d [base-url] ## [error] <! -- x -->',
    );
    expect(inert('::error::x')).toBe(': :error::x');
    expect(outsideText(' \u3000::warning::x')).toBe(': :warning::x');
    expect(outsideText('  ')).toBeUndefined();
    expect(outsideText({ not: 'text' })).toBeUndefined();
    expect(outsideText(4101)).toBe('4101');
  });

  it('makes every invisible format character (Cf) a space, as it does the controls', () => {
    const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\u2062', '\u180e', '\u{e0041}'];
    for (const character of [...invisible, '\u{1d173}']) expect(inert(`a${character}b`), character).toBe('a b');
    expect(inert('a\u200b\u00ad\u2060b')).toBe('a b');
  });

  it('never cuts a character in half, and keeps its bound after making the text inert', () => {
    expect(bounded('ab😀', 3)).toBe('ab');
    expect(bounded('ab😀', 4)).toBe('ab😀');
    expect(bounded('😀abc', 4)).toBe('😀ab');
    // Within its bound a text is kept as it is, even one that ends in half a pair: nothing was cut.
    expect(bounded('ab\ud83d', 3)).toBe('ab\ud83d');
    expect(outsideText('##['.repeat(200), 300)).toHaveLength(301);
  });

  it('redacts last, what the run holds, so that what it puts in stays whole', () => {
    const redactor = createRedactor();
    redactor.addIdentifier('app-id', '1183520381944');
    expect(
      outsideText('app: 1183520381944 is currently deactivated by the owner', BOUND.words, (text) =>
        redactor.redact(text),
      ),
    ).toBe('app: [⟦app-id⟧] is currently deactivated by the owner');
  });

  it('never shows part of an id or the fingerprint that the cut at the bound would split', () => {
    const redactor = createRedactor();
    const fingerprint = 'Kq3xZ9fPm2LwT8vR5nY1cB6dH0jS4gE7aU2oI9kN';
    redactor.addIdentifier('app-id', '1183520381944');
    redactor.addIdentifier('public-key-id', fingerprint);
    const redact = (text: string) => redactor.redact(text);
    for (let at = BOUND.words - 45; at <= BOUND.words; at++) {
      for (const id of ['1183520381944', fingerprint.toLowerCase()]) {
        const text = outsideText(`${'x'.repeat(at)} ${id} is currently deactivated`, BOUND.words, redact) as string;
        expect(text).not.toContain(id.slice(0, 6));
        // Whole, or left out where the cut would split it: never an open term.
        expect(text).toMatch(/^x+( \[(⟦(app-id|public-key-id)⟧\]?( [a-z ]*)?)?)?…?$/);
        expect(text.length).toBeLessThanOrEqual(BOUND.words + 1);
      }
    }
  });

  it('marks a text cut at its window with …, even where redaction left it within its bound', () => {
    const shrink = (text: string) => text.replace(/x+/g, 'x');
    expect(outsideText('x'.repeat(BOUND.words * 3), BOUND.words, shrink)).toBe('x…');
    expect(outsideText('x'.repeat(BOUND.words), BOUND.words)).toBe('x'.repeat(BOUND.words));
  });

  it('takes the first line only, however long the text after it', () => {
    expect(firstLine(`Not Found\n${'x'.repeat(1_000_000)}`)).toBe('Not Found');
    expect(firstLine('x'.repeat(1000))).toBe(`${'x'.repeat(BOUND.words)}…`);
    expect(firstLine('one\r\ntwo')).toBe('one');
    expect(firstLine('\nonly a second line')).toBeUndefined();
    expect(firstLine(`${'x'.repeat(BOUND.words)}\nmore`)).toBe('x'.repeat(BOUND.words));
  });
});
