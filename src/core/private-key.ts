// The private key: its PEM found and repaired from what secret stores do to it, parsed, and its lines to mask.
import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { InputError } from './errors.js';
import { NAMES_A_FILE, namesFile } from './file-name.js';

const INPUT = 'private-key';
const MIN_RSA_BITS = 2048;
/** Coze's keys are 2048 bits; past this, signing alone would take seconds, outside any deadline. */
const MAX_RSA_BITS = 8192;
/** A PEM of a 4096-bit key is about 3.3 KiB; past this, nothing is a key, and nothing reads further. */
export const MAX_PRIVATE_KEY_LENGTH = 64 * 1024;
/** What a source of more than that is told, by the parser and by the CLI's key reading alike. */
const KIB = MAX_PRIVATE_KEY_LENGTH / 1024;
export const KEY_TOO_LONG = `holds more than ${KIB} KiB, which is no private key (a PEM is a few KiB)`;
const PEM_LABEL = /^[A-Z0-9 ]{1,64}$/;

/**
 * A key file holds one block, perhaps after a certificate or a note; past this many BEGIN lines, nothing is looked for.
 */
const MAX_PEM_BLOCKS = 8;

/**
 * The first whole PEM block, found by looking its lines up (a few at most) rather than by a pattern that could
 * backtrack over the text.
 */
function pemBlock(text: string): { label: string; body: string } | undefined {
  let begin = text.indexOf('-----BEGIN ');
  for (let tries = 0; begin >= 0 && tries < MAX_PEM_BLOCKS; tries++, begin = text.indexOf('-----BEGIN ', begin + 1)) {
    const labelEnd = text.indexOf('-----', begin + 11);
    const label = labelEnd < 0 ? '' : text.slice(begin + 11, labelEnd);
    if (!PEM_LABEL.test(label)) continue;
    const end = text.indexOf(`-----END ${label}-----`, labelEnd + 5);
    if (end !== -1) return { label, body: text.slice(labelEnd + 5, end) };
  }
  return undefined;
}

/** Some secret stores mangle newlines, so a PEM may arrive base64-encoded on one line; anything else stays as it is. */
export function decodeBase64Pem(raw: string): string {
  // Decoding anything else (a PEM itself included) yields no PEM armour, and the input stays as it was.
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  return decoded.includes('-----BEGIN ') ? decoded : raw;
}

/**
 * Undo what secret stores and copy-paste do to a PEM: base64 around it, literal "\n" escapes, CRLF, quotes,
 * indentation, blank lines, or all line breaks lost. Returns the PEM rebuilt with 64-column lines, and its label.
 * (A PEM with headers is an encrypted one, refused anyway: its "ENCRYPTED" survives in the rebuilt text.)
 */
export function normalizePem(raw: string): { label: string; pem: string; body: string } | undefined {
  if (raw.length > MAX_PRIVATE_KEY_LENGTH) return undefined;
  const block = pemBlock(decodeBase64Pem(raw).replace(/\\[rn]/g, ''));
  if (!block) return undefined;
  const { label } = block;
  const body = block.body.replace(/\s+/g, '');
  const pem = [`-----BEGIN ${label}-----`, ...(body.match(/.{1,64}/g) ?? []), `-----END ${label}-----`, ''].join('\n');
  return { label, pem, body };
}

/** Lines worth registering as secrets: the key's body however it is wrapped, and the raw input's own lines. */
export function privateKeySecrets(raw: string): string[] {
  // What is too long to be a key is refused before it is used, and never written.
  if (raw.length > MAX_PRIVATE_KEY_LENGTH) return [];
  const rawLines = raw.split(/\r?\n|\\n/).map((line) => line.trim());
  const body = normalizePem(raw)?.body ?? '';
  const bodyLines = body.match(/.{1,64}/g) ?? [];
  return [...new Set([raw.trim(), body, ...bodyLines, ...rawLines])].filter(
    (line) => line.length >= 8 && !line.startsWith('-----'),
  );
}

const WRONG_LABELS: Record<string, string> = {
  'PUBLIC KEY': 'this is a public key; paste the private key Coze let you download when you added the key pair',
  'RSA PUBLIC KEY': 'this is a public key; paste the private key Coze let you download when you added the key pair',
  CERTIFICATE: 'this is a certificate; paste the private key Coze let you download when you added the key pair',
  'ENCRYPTED PRIVATE KEY':
    'this key is encrypted with a passphrase; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem) and store ' +
    'the unencrypted PEM as a secret',
  'EC PRIVATE KEY': 'this is an EC key; Coze signs with RS256, which needs an RSA key',
  'OPENSSH PRIVATE KEY': 'this is an OpenSSH key; Coze needs the RSA key in PEM form that its console let you download',
};

const KEY_KINDS: Record<string, string> = {
  ec: 'an EC',
  ed25519: 'an Ed25519',
  ed448: 'an Ed448',
  dsa: 'a DSA',
  dh: 'a Diffie-Hellman',
  'rsa-pss': 'an RSA-PSS',
  x25519: 'an X25519',
  x448: 'an X448',
};

const EXPECTED =
  'expected an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----), or that ' +
  'PEM base64-encoded on one line';

/** Parse the private-key input into an RSA KeyObject, or throw one InputError that never quotes the key. */
export function parsePrivateKey(raw: string): KeyObject {
  if (raw.length > MAX_PRIVATE_KEY_LENGTH) {
    throw new InputError(INPUT, KEY_TOO_LONG);
  }
  if (raw.trim() === '') throw new InputError(INPUT, `is empty; ${EXPECTED}`);
  const normalized = normalizePem(raw);
  if (!normalized) {
    if (namesFile(raw, ['.pem', '.key']))
      throw new InputError(INPUT, `${NAMES_A_FILE} a key file, not the key; ${EXPECTED}`);
    const hint = decodeBase64Pem(raw).includes('-----BEGIN')
      ? ' The END line is missing: the key looks truncated.'
      : '';
    throw new InputError(INPUT, `${EXPECTED}.${hint}`);
  }
  const { label, pem } = normalized;
  const wrongLabel = WRONG_LABELS[label];
  if (wrongLabel) throw new InputError(INPUT, `${EXPECTED}; ${wrongLabel}`);
  if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY')
    throw new InputError(INPUT, `${EXPECTED}; found a PEM block labelled ${label}`);
  if (pem.includes('ENCRYPTED')) throw new InputError(INPUT, `${EXPECTED}; ${WRONG_LABELS['ENCRYPTED PRIVATE KEY']}`);

  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new InputError(
      INPUT,
      `${EXPECTED}; the PEM body does not decode to a key (truncated or damaged when it was pasted?)`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    const kind = KEY_KINDS[key.asymmetricKeyType as string] ?? 'a non-RSA';
    throw new InputError(INPUT, `${EXPECTED}; this is ${kind} key, and Coze signs with RS256, which needs RSA`);
  }
  const bits = (key.asymmetricKeyDetails as { modulusLength: number }).modulusLength;
  if (bits < MIN_RSA_BITS) {
    throw new InputError(
      INPUT,
      `this RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required, as smaller RSA keys can be factored. ` +
        `Add a new key pair in the Coze console`,
    );
  }
  if (bits > MAX_RSA_BITS)
    throw new InputError(
      INPUT,
      `this RSA key has ${bits} bits; at most ${MAX_RSA_BITS} are taken (Coze's keys have 2048)`,
    );
  try {
    sign('sha256', Buffer.from('coze-token-action'), key);
  } catch {
    throw new InputError(
      INPUT,
      `${EXPECTED}; this key parses but cannot sign (damaged when it was pasted?). Add a new key pair in the Coze ` +
        `console`,
    );
  }
  return key;
}
