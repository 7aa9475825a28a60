// Properties of what leaves the program: an id or a secret in any spelling a reader sees as it is cut out, and no
// line of the gate's, the redactor's or a surface's text is one the runner reads as a command.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/safe-text/fold.ts';
import { BOUND, outsideText } from '../../src/safe-text/outside.ts';
import { createRedactor, publicText } from '../../src/safe-text/redactor.ts';
import type { Surface } from '../../src/safe-text/terms.ts';

const runs = (count: number) => Math.max(20, Math.round(count * Number(process.env.FUZZ_SCALE ?? 1)));

const appId = '1183520381944';
const fingerprint = 'Kq3xZ9fPm2LwT8vR5nY1cB6dH0jS4gE7aU2oI9kN';
const token = 'pat_Opaque9fK2mQ7xLr4Tz8Wv1Nb6Hc3Yd5Pe0Sg';
const redactor = createRedactor();
redactor.addIdentifier('app-id', appId);
redactor.addIdentifier('public-key-id', fingerprint);
redactor.add(token);
const redact = (text: string) => redactor.redact(text);

/** Characters nobody sees: format characters (Cf), other default ignorables, and whitespace. */
const UNSEEN = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u00ad',
  '\ufeff',
  '\u2062',
  '\u180e',
  '\u061c',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u{e0020}',
  '\ufe0f',
  '\u034f',
  '\u3164',
  ' ',
  '\n',
  '\t',
  '\u3000',
  '\u00a0',
  '\u2028',
];

/** The character as a reader may see it: as it is, in the other case, fullwidth, or another compatibility form. */
function spellings(character: string): string[] {
  const code = character.charCodeAt(0);
  const forms = [character, character.toUpperCase(), character.toLowerCase(), String.fromCharCode(code + 0xfee0)];
  const digit = Number(character);
  if (/\d/.test(character)) forms.push(String.fromCodePoint(0x1d7ce + digit), String.fromCodePoint(0x2080 + digit));
  if (/[A-Z]/.test(character)) forms.push(String.fromCodePoint(0x1d400 + code - 65));
  if (/[a-z]/.test(character)) forms.push(String.fromCodePoint(0x1d41a + code - 97));
  return forms;
}

/** The value spelt character by character, with unseen characters between, as the generator chose. */
function spelt(value: string, keepCase: boolean) {
  const forms = (character: string) => {
    const all = spellings(character);
    return keepCase ? all.filter((form) => fold(form, false).text === character) : all;
  };
  const gap = fc.array(fc.constantFrom(...UNSEEN), { maxLength: 2 }).map((unseen) => unseen.join(''));
  const characters = [...value].map((character) => fc.tuple(fc.constantFrom(...forms(character)), gap));
  return fc.tuple(...characters).map((parts) => parts.map(([form, after]) => form + after).join(''));
}

/** Words around the id or secret, some of them of characters it has. */
const word = fc.constantFrom('a', 'b', ' ', ':', '#', '!', '(', ')', '…', 'é', '中');
const words = fc.array(word, { maxLength: 12 }).map((parts) => parts.join(''));

/** The redactor's text and the gate's, for the same words. */
const outputs = (text: string) => [redact(text), outsideText(text, BOUND.words, redact) ?? ''];

describe('an id or a secret, however it is spelt', () => {
  it('cuts the app id and the fingerprint out, in any case, fullwidth or split by invisible characters', () => {
    fc.assert(
      fc.property(words, fc.oneof(spelt(appId, false), spelt(fingerprint, false)), words, (before, id, after) => {
        for (const out of outputs(`${before}${id}${after}`)) {
          const seen = fold(out, true).text;
          expect(seen).not.toContain(appId);
          expect(seen).not.toContain(fingerprint.toLowerCase());
          expect(out).toMatch(/\[⟦(app-id|public-key-id)⟧\]/);
        }
      }),
      { numRuns: runs(3000) },
    );
  });

  it('cuts every 12-character piece of a secret out, fullwidth or split by invisible characters', () => {
    const piece = fc
      .tuple(fc.integer({ min: 0, max: token.length - 12 }), fc.integer({ min: 12, max: token.length }))
      .chain(([start, length]) => spelt(token.slice(start, start + length), true));
    fc.assert(
      fc.property(words, piece, words, (before, secret, after) => {
        for (const out of outputs(`${before}${secret}${after}`)) {
          const seen = fold(out, false).text;
          for (let i = 0; i + 12 <= token.length; i++) expect(seen).not.toContain(token.slice(i, i + 12));
        }
      }),
      { numRuns: runs(3000) },
    );
  });
});

/** .NET's Char.IsWhiteSpace, which String.TrimStart takes off before the runner looks for `::`. */
const DOTNET_WHITESPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** A runner command opener in any line of the text as the runner splits it: `##[` anywhere, `::` first. */
function commandOpener(text: string): string | undefined {
  const opens = (line: string) => line.includes('##[') || line.replace(DOTNET_WHITESPACE, '').startsWith('::');
  return text.split(/\r\n|\r|\n/).find(opens);
}

describe('no runner command, whatever the order of cut, redaction and neutralising', () => {
  const piece = fc.constantFrom(
    '#',
    '##',
    '[',
    ']',
    ':',
    '::',
    ' ',
    '\u3000',
    '\u0085',
    '\t',
    '\n',
    '\r',
    '\u2028',
    '\u200b',
    'x',
    '⟦',
    '⟧',
    'app-id',
    '⟦app-id⟧',
    appId,
    '１１８３５２０３８１９４４',
    fingerprint,
    token,
    'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2ln',
    'pat_x',
    'error]',
  );
  const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

  it('leaves no ##[ and no line that starts with :: in the gate, the redactor or any surface', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 80 }), (raw, max) => {
        const surfaces: Surface[] = ['action', 'cli', 'library'];
        const outputs = [
          outsideText(raw, max, redact) ?? '',
          outsideText(raw, max) ?? '',
          redact(raw),
          ...surfaces.map((surface) => publicText(redactor, surface, raw)),
          ...surfaces.map((surface) => publicText(redactor, surface, outsideText(raw, max, redact) ?? '')),
        ];
        for (const out of outputs) expect(commandOpener(out), JSON.stringify(out)).toBeUndefined();
      }),
      { numRuns: runs(5000) },
    );
  });

  it('rebuilds no ##[ from ## and an id, which the redactor once made ##[app-id]', () => {
    expect(outsideText(`log ##${appId} end`, BOUND.words, redact)).toBe('log ## [⟦app-id⟧] end');
    expect(publicText(redactor, 'action', `##${fingerprint}`)).toBe('## [public-key-id]');
    expect(redact(`::${token}`)).toBe(': :[redacted]');
  });
});
