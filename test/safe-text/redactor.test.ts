// The redactor: secrets the run holds, cut out of outside text by value, however the text broke or cut them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectCredentials } from '../../src/core/credentials.ts';
import { privateKeySecrets } from '../../src/core/private-key.ts';
import { createRedactor, publicText } from '../../src/safe-text/redactor.ts';
import type { Surface } from '../../src/safe-text/terms.ts';
import { makeRsaKeys, pemBody } from '../support/keys.ts';

const token = 'Opaque9fK2mQ7xLr4Tz8Wv1Nb6Hc3Yd5Pe0Sg';
const redactor = createRedactor();
redactor.add(token);
const keys = makeRsaKeys();
protectCredentials(redactor, { privateKey: keys.pkcs1 });

describe('createRedactor', () => {
  it('cuts a secret out whole, split across lines, with spaces in it, or cut short, and leaves other words be', () => {
    expect(redactor.redact(`(bad token ${token})`)).toBe('(bad token [redacted])');
    expect(redactor.redact(`bad token ${token.slice(0, 15)}\n${token.slice(15)} end`)).toBe('bad token [redacted] end');
    expect(redactor.redact(`bad token ${token.slice(0, 15)} ${token.slice(15)}`)).toBe('bad token [redacted]');
    expect(redactor.redact(`cut here ${token.slice(0, 14)}…`)).toBe('cut here [redacted]…');
    expect(redactor.redact(`tail ${token.slice(-13)} and more`)).toBe('tail [redacted] and more');
    expect(redactor.redact(`last ${token.slice(-12)} and more`)).toBe('last [redacted] and more');
    expect(redactor.redact(`ends in ${token.slice(0, 12)}`)).toBe('ends in [redacted]');
    expect(redactor.redact('authentication is invalid (HTTP 401, log id 20261125000001STANDIN)')).toBe(
      'authentication is invalid (HTTP 401, log id 20261125000001STANDIN)',
    );
    expect(createRedactor().redact(token)).toBe(token);
  });

  it("takes the rest of a secret's run along on both sides, and stops where the run does", () => {
    expect(redactor.redact(`(abc${token.slice(5, 18)}xyz) end`)).toBe('([redacted]) end');
    expect(redactor.redact(`a-${token.slice(0, 12)}=b c`)).toBe('[redacted] c');
    // Two pieces apart, with no whitespace between them, stay two.
    expect(redactor.redact(`${token.slice(0, 12)}@${token.slice(20, 32)}`)).toBe('[redacted]@[redacted]');
    // An ellipsis folds to three dots, characters of a secret's kind, but is a character of its own: it stays.
    expect(redactor.redact(`…${token.slice(0, 14)}… end`)).toBe('…[redacted]… end');
  });

  it('cuts a secret split by zero-width spaces or written in fullwidth letters, and keeps what folds to dots', () => {
    expect(redactor.redact(`bad ${[...token].join('\u200b')} end`)).toBe('bad [redacted] end');
    const fullwidth = [...token].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(redactor.redact(`bad ${fullwidth}`)).toBe('bad [redacted]');
    const pieces = `(${token.slice(0, 20)}\u200bxyz) ${token.slice(0, 14)}… ${token.slice(0, 12)} ${token.slice(20, 32)}`;
    expect(redactor.redact(pieces)).toBe('([redacted]) [redacted]… [redacted] [redacted]');
  });

  it('cuts any 12 characters of the key body out, however the key was wrapped', () => {
    const body = pemBody(keys.pkcs1);
    // Words of characters no key has around the piece: with whitespace left out, a letter there could continue the
    // key (one random key in 64 has a y after the piece), and be taken for a piece of it.
    expect(redactor.redact(`@ ${body.slice(100, 112)} #`)).toBe('@ [redacted] #');
    expect(redactor.redact(`@ ${body.slice(100, 111)} #`)).toBe(`@ ${body.slice(100, 111)} #`);
  });

  it('never lets a 12-character piece of the token through, whatever surrounds or splits it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: 0, max: token.length - 12 }),
        fc.integer({ min: 12, max: token.length }),
        fc.constantFrom('', ' ', '\n', '\r\n  '),
        fc.string(),
        (before, start, length, gap, after) => {
          const piece = token.slice(start, start + length);
          const cut = Math.floor(piece.length / 2);
          const text = `${before} ${piece.slice(0, cut)}${gap}${piece.slice(cut)} ${after}`;
          const out = redactor.redact(text).replace(/\s+/g, '');
          for (let i = 0; i + 12 <= token.length; i++) expect(out).not.toContain(token.slice(i, i + 12));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('protectCredentials', () => {
  it('masks what the credentials hold and nothing else', () => {
    const masked: string[] = [];
    protectCredentials(createRedactor(), {}, (secret) => masked.push(secret));
    expect(masked).toEqual([]);
    protectCredentials(createRedactor(), { privateKey: keys.pkcs8, appId: '7300000000001' }, (secret) =>
      masked.push(secret),
    );
    expect(masked).toEqual(privateKeySecrets(keys.pkcs8));
  });
});

describe('ids the README keeps in secrets', () => {
  const withIds = createRedactor();
  withIds.addIdentifier('app-id', ' 1183520381944 ');
  withIds.addIdentifier('public-key-id', 'Ab12Cd34Ef56');
  withIds.addIdentifier('app-id', '12345');

  it('cuts the app id and the fingerprint out whole, case aside, as the setting they are', () => {
    expect(withIds.redact('app: 1183520381944 is currently deactivated by the owner')).toBe(
      'app: [⟦app-id⟧] is currently deactivated by the owner',
    );
    expect(withIds.redact('kid ab12cd34ef56 and AB12CD34EF56 unknown')).toBe(
      'kid [⟦public-key-id⟧] and [⟦public-key-id⟧] unknown',
    );
    expect(withIds.redact('x1183520381944y')).toBe('x[⟦app-id⟧]y');
    expect(withIds.redact('1183520381944 at the start')).toBe('[⟦app-id⟧] at the start');
  });

  it('leaves ids under six characters, which would blank ordinary words and numbers', () => {
    expect(withIds.redact('code 12345')).toBe('code 12345');
    const six = createRedactor();
    six.addIdentifier('public-key-id', 'abc123');
    expect(six.redact('kid ABC123')).toBe('kid [⟦public-key-id⟧]');
  });

  it('names each id where it stands, whichever was added first, and two ids side by side as two', () => {
    expect(withIds.redact('kid Ab12Cd34Ef56 of app 1183520381944')).toBe('kid [⟦public-key-id⟧] of app [⟦app-id⟧]');
    expect(withIds.redact('1183520381944Ab12Cd34Ef56')).toBe('[⟦app-id⟧][⟦public-key-id⟧]');
  });

  it('matches an id case aside even where lower-casing would change the length of the text', () => {
    expect(withIds.redact('İ 1183520381944 Ab12Cd34Ef56')).toBe('İ [⟦app-id⟧] [⟦public-key-id⟧]');
    expect(withIds.redact('İİ kid AB12CD34EF56 and ab12cd34ef56 İ')).toBe(
      'İİ kid [⟦public-key-id⟧] and [⟦public-key-id⟧] İ',
    );
  });

  it('cuts an id out in any spelling a reader sees as it: split by invisible characters, fullwidth, spaced', () => {
    const spellings = [
      '1183\u200b520381944',
      '1183\u00ad520381944',
      '1183\u2060520381944',
      '１１８３５２０３８１９４４',
    ];
    for (const spelt of [...spellings, '1183 5203 81944']) {
      expect(withIds.redact(`app: ${spelt} is off`), spelt).toBe('app: [⟦app-id⟧] is off');
    }
    expect(withIds.redact('kid Ab12\u200dCd34Ｅｆ56.')).toBe('kid [⟦public-key-id⟧].');
    const bold = '𝟏𝟏𝟖𝟑𝟓𝟐𝟎𝟑𝟖𝟏𝟗𝟒𝟒';
    expect(withIds.redact(`${bold} and 1183520381944\u200b x`)).toBe('[⟦app-id⟧] and [⟦app-id⟧]\u200b x');
  });

  it('names an id that shares characters with another once, and shows no part of either', () => {
    const both = createRedactor();
    both.addIdentifier('app-id', '1234567890123');
    both.addIdentifier('public-key-id', '7890123abcdef');
    expect(both.redact('x 1234567890123abcdef y')).toBe('x [⟦app-id⟧] y');
  });

  it('writes the id as each surface names the setting', () => {
    expect(
      ['action', 'cli', 'library'].map((surface) => publicText(withIds, surface as Surface, 'app 1183520381944')),
    ).toEqual(['app [app-id]', 'app [--app-id]', 'app [appId]']);
  });
});
