import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { normalizePem, parsePrivateKey, privateKeySecrets } from '../../src/core/private-key.ts';
import { forgedRsaKey, makeRsaKeys, pemBody } from '../support/keys.ts';

const keys = makeRsaKeys();

/** How users paste a PEM into a secret, and what secret stores do to it. */
function pastingAccidents(pem: string): Record<string, string> {
  return {
    'as downloaded': pem,
    'literal \\n escapes on one line': pem.trim().replace(/\n/g, '\\n'),
    'CRLF line ends': pem.replace(/\n/g, '\r\n'),
    'blank lines and spaces around it': `\n\n   ${pem.replace(/\n/g, '\n  ')}   \n\n`,
    'all line breaks replaced by spaces': pem.trim().replace(/\n/g, ' '),
    'no line breaks at all': pem.trim().replace(/\n/g, ''),
    'body lines indented with tabs': pem.replace(/\n(?!-)/g, '\n\t'),
    'a blank line inside the body': pem.replace(/\n/, '\n\n'),
    'literal \\r\\n escapes on one line': pem.trim().replace(/\n/g, '\\r\\n'),
  };
}

function expectInputError(run: () => unknown, pattern: RegExp) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^Input 'private-key': /);
    expect((error as Error).message).toMatch(pattern);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parsePrivateKey', () => {
  for (const [format, pem] of [
    ['PKCS#8', keys.pkcs8],
    ['PKCS#1', keys.pkcs1],
  ] as const) {
    for (const [accident, pasted] of Object.entries(pastingAccidents(pem))) {
      it(`reads a ${format} key pasted with ${accident}`, () => {
        const key = parsePrivateKey(pasted);
        expect(key.asymmetricKeyType).toBe('rsa');
        expect(key.export({ type: 'pkcs8', format: 'pem' })).toBe(keys.pkcs8);
      });
    }
  }

  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const weak = makeRsaKeys(1024);
  const encrypted = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hunter2' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const encryptedPkcs1 = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'hunter2' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const refused: Array<[string, string, RegExp]> = [
    ['an empty input', '', /is empty/],
    ['whitespace', '  \n\t ', /is empty/],
    [
      'garbage',
      'not a key at all',
      /expected an RSA private key in PEM form \(-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----\), or that PEM base64-encoded on one line\.$/,
    ],
    [
      'a certificate',
      '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----',
      /this is a certificate; paste the private key/,
    ],
    [
      'an Ed448 key',
      generateKeyPairSync('ed448').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      /this is an Ed448 key/,
    ],
    [
      'an X25519 key',
      generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      /this is an X25519 key/,
    ],
    [
      'an RSA-PSS key',
      generateKeyPairSync('rsa-pss', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      /this is an RSA-PSS key/,
    ],
    [
      'a DSA key',
      generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      /this is a DSA key/,
    ],
    [
      'a Diffie-Hellman key',
      (generateKeyPairSync as unknown as (type: string, options: object) => { privateKey: KeyObject })('dh', {
        group: 'modp14',
      })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      /this is a Diffie-Hellman key/,
    ],
    [
      'an ML-DSA key (a kind it has no name for)',
      generateKeyPairSync('ml-dsa-44').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      /this is a non-RSA key, and Coze signs with RS256/,
    ],
    ['a public key', keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(), /this is a public key/],
    ['a PKCS#1 public key', keys.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(), /this is a public key/],
    ['an encrypted PKCS#8 key', encrypted.privateKey, /encrypted with a passphrase/],
    ['an encrypted PKCS#1 key', encryptedPkcs1.privateKey, /encrypted with a passphrase/],
    ['an EC key (SEC1)', ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString(), /EC key/],
    ['an EC key (PKCS#8)', ec.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /this is an EC key/],
    ['an Ed25519 key', ed.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /this is an Ed25519 key/],
    ['a 1024-bit RSA key', weak.pkcs8, /1024 bits; at least 2048 are required/],
    ['a key cut off before its END line', keys.pkcs8.slice(0, 900), /truncated/],
    [
      'a key with its body cut short',
      keys.pkcs8.replace(/\n[^\n]+\n[^\n]+\n-----END/, '\n-----END'),
      /does not decode/,
    ],
    [
      'an OpenSSH key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----',
      /OpenSSH/,
    ],
    [
      'a PEM block of another kind',
      '-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQ==\n-----END DSA PRIVATE KEY-----',
      /found a PEM block labelled DSA PRIVATE KEY/,
    ],
    [
      'an X448 key',
      generateKeyPairSync('x448').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      /this is an X448 key/,
    ],
    ['a base64 PEM cut off before its END line', Buffer.from(keys.pkcs8.slice(0, 900)).toString('base64'), /truncated/],
    [
      'the name of a key file',
      ' /home/runner/keys/private_key.pem\n',
      /^Input 'private-key': is the name of a key file, not the key; expected an RSA/,
    ],
    ['the name of a .key file', 'C:\\keys\\app.KEY', /is the name of a key file/],
    ['a name on two lines', 'keys/\nprivate_key.pem', /^Input 'private-key': expected an RSA private key in PEM form/],
    [
      'base64 of something that is not a PEM',
      Buffer.from('just some words, not a key at all').toString('base64'),
      /expected an RSA private key in PEM form/,
    ],
  ];
  for (const [what, input, message] of refused) {
    it(`refuses ${what} with one clear error that does not quote it`, () => {
      const error = expectInputError(() => parsePrivateKey(input), message);
      const body = pemBody(input);
      if (body.length >= 24) expect(error.message).not.toContain(body.slice(0, 24));
      expect(error.message).not.toMatch(/\n/);
    });
  }
});

describe('keys that parse but must not be used', () => {
  it('refuses a key that cannot sign (an even modulus: damaged) as bad input, naming private-key', () => {
    expect(() => parsePrivateKey(forgedRsaKey(2048))).toThrow(
      /^Input 'private-key': expected an RSA private key .*; this key parses but cannot sign \(damaged when it was pasted\?\)/,
    );
  });

  it('takes 8192 bits, and says in full why a key that cannot sign is refused', () => {
    expect(() => parsePrivateKey(forgedRsaKey(8192))).toThrow(
      "Input 'private-key': expected an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA " +
        'PRIVATE KEY-----), or that PEM base64-encoded on one line; this key parses but cannot sign (damaged when it ' +
        'was pasted?). Add a new key pair in the Coze console',
    );
  });

  it('refuses a key of more than 8192 bits before signing anything with it', () => {
    const started = performance.now();
    expect(() => parsePrivateKey(forgedRsaKey(16384))).toThrow(
      "Input 'private-key': this RSA key has 16384 bits; at most 8192 are taken (Coze's keys have 2048)",
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('privateKeySecrets', () => {
  it('covers every line of the body however the key was pasted', () => {
    const bodyLines = keys.pkcs8.split('\n').filter((line) => line && !line.startsWith('-----'));
    for (const pasted of Object.values(pastingAccidents(keys.pkcs8))) {
      const secrets = privateKeySecrets(pasted);
      for (const line of bodyLines) expect(secrets.some((secret) => secret.includes(line))).toBe(true);
      expect(secrets.every((secret) => !secret.startsWith('-----'))).toBe(true);
    }
  });

  it('registers nothing for empty input', () => {
    expect(privateKeySecrets('')).toEqual([]);
  });

  it('masks the lines of what it cannot read, trimmed, down to 8 characters', () => {
    const truncated = keys.pkcs8.slice(0, 900).replace(/\n/g, '\n  ');
    const secrets = privateKeySecrets(truncated);
    for (const line of keys.pkcs8
      .slice(0, 900)
      .split('\n')
      .filter((l) => l.length >= 8 && !l.startsWith('-----')))
      expect(secrets).toContain(line);
    expect(privateKeySecrets('  12345678\n1234567\n')).toEqual(['12345678\n1234567', '12345678']);
    expect(privateKeySecrets(' aGVsbG8gd29ybGQ= \n')).toEqual(['aGVsbG8gd29ybGQ=']);
  });
});

describe('base64-encoded PEM (secret stores that mangle newlines)', () => {
  it('reads the PEM base64-encoded on one line, or wrapped', () => {
    const oneLine = Buffer.from(keys.pkcs1).toString('base64');
    expect(parsePrivateKey(oneLine).export({ type: 'pkcs8', format: 'pem' })).toBe(keys.pkcs8);
    expect(parsePrivateKey(`  ${oneLine.replace(/(.{76})/g, '$1\n')}\n`).export({ type: 'pkcs8', format: 'pem' })).toBe(
      keys.pkcs8,
    );
  });

  it('masks the encoded line and every line of the decoded body', () => {
    const oneLine = Buffer.from(keys.pkcs8).toString('base64');
    const secrets = privateKeySecrets(oneLine);
    expect(secrets).toContain(oneLine);
    for (const line of keys.pkcs8.split('\n').filter((l) => l && !l.startsWith('-----')))
      expect(secrets).toContain(line);
  });
});

describe('finding the PEM block', () => {
  const pem = keys.pkcs8;
  it('passes over BEGIN lines whose label is no PEM label, whole', () => {
    for (const label of ['KEY x-y', 'x-KEY', ''])
      expect(normalizePem(`-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----\n${pem}`)?.label).toBe('PRIVATE KEY');
  });

  it('says a key without its END line looks truncated', () => {
    const truncated = pem.slice(0, pem.indexOf('-----END'));
    expect(() => parsePrivateKey(truncated)).toThrow(/\. The END line is missing: the key looks truncated\.$/);
  });

  it('finds no block without a BEGIN line, whatever END line there is', () => {
    expect(normalizePem('0123456789AB-----\n-----END AB-----')).toBeUndefined();
  });

  it('looks at 8 BEGIN lines at most', () => {
    const notKeys = (count: number) => '-----BEGIN no-----\n'.repeat(count);
    expect(normalizePem(`${notKeys(7)}${pem}`)?.label).toBe('PRIVATE KEY');
    expect(normalizePem(`a note\n${notKeys(7)}${pem}`)?.label).toBe('PRIVATE KEY');
    expect(normalizePem(`${notKeys(8)}${pem}`)).toBeUndefined();
  });

  it('reads a key of up to 64 KiB, padded, and nothing longer', () => {
    const padded = (length: number) => `${pem}${' '.repeat(length - pem.length)}`;
    expect(normalizePem(padded(64 * 1024))?.label).toBe('PRIVATE KEY');
    expect(parsePrivateKey(padded(64 * 1024)).asymmetricKeyType).toBe('rsa');
    expect(privateKeySecrets(padded(64 * 1024))).not.toEqual([]);
    expect(normalizePem(padded(64 * 1024 + 1))).toBeUndefined();
    expect(privateKeySecrets(padded(64 * 1024 + 1))).toEqual([]);
  });

  it('says in full how to decrypt an encrypted key, and what to do with a small one', () => {
    expect(() =>
      parsePrivateKey('-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----'),
    ).toThrow(
      /; this key is encrypted with a passphrase; decrypt it first \(openssl pkcs8 -in key\.pem -out plain\.pem\) and store the unencrypted PEM as a secret$/,
    );
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => parsePrivateKey(small as string)).toThrow(
      "Input 'private-key': this RSA key has 1024 bits; at least 2048 are required, as smaller RSA keys can be " +
        'factored. Add a new key pair in the Coze console',
    );
  });
});

describe('normalizePem', () => {
  it('rebuilds 64-column lines', () => {
    const normalized = normalizePem(keys.pkcs1.replace(/\n/g, ' '));
    expect(normalized?.label).toBe('RSA PRIVATE KEY');
    expect(normalized?.pem).toBe(keys.pkcs1);
  });
});

describe('key normalisation (properties)', () => {
  const body = pemBody(keys.pkcs8);

  it('never crashes on arbitrary input, and never quotes 24 characters of it back', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 200 }).map((s) => `-----BEGIN PRIVATE KEY-----\n${s}\n-----END PRIVATE KEY-----`),
      fc.string({ maxLength: 200 }).map((s) => `-----BEGIN RSA PRIVATE KEY-----${s}`),
      fc
        .integer({ min: 0, max: body.length })
        .map((cut) => `-----BEGIN PRIVATE KEY-----\n${body.slice(0, cut)}\n-----END PRIVATE KEY-----`),
    );
    fc.assert(
      fc.property(text, (input) => {
        try {
          parsePrivateKey(input);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          const message = (error as Error).message;
          // Our own wording quotes the PEM armour lines; everything else in the input is the user's.
          const content = input.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '\n');
          for (let i = 0; i + 24 <= content.length; i++) {
            const slice = content.slice(i, i + 24);
            if (slice.trim().length === 24) expect(message).not.toContain(slice);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same key through any mix of pasting accidents', () => {
    const lines = keys.pkcs1.trim().split('\n');
    const separator = fc.constantFrom('\n', '\r\n', '\\n', ' ', '', '\n\n', '\t');
    const indent = fc.constantFrom('', ' ', '  ', '\t');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(separator, indent), { minLength: lines.length, maxLength: lines.length }),
        indent,
        (mangling, outer) => {
          const pasted =
            outer +
            lines.map((line, i) => `${mangling[i]?.[1] ?? ''}${line}${mangling[i]?.[0] ?? ''}`).join('') +
            outer;
          expect(parsePrivateKey(pasted).export({ type: 'pkcs8', format: 'pem' })).toBe(keys.pkcs8);
        },
      ),
      { numRuns: 200 },
    );
  });
});
