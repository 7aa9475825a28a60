import { normalizePem } from './private-key.js';

const REDACTED = '[redacted]';
/** Any run of this many characters of the key's body in outside text is taken for a piece of the key. */
const KEY_SLICE = 16;
/** Shorter values would redact ordinary words; every secret of ours is far longer. */
const MIN_SECRET_LENGTH = 8;

/** The secrets one run holds (the key, every JWT, the token, the github-token), to cut out of outside text by value. */
export interface Redactor {
  add(secret: string): void;
  /** The private key as given: any slice of its body counts. */
  addPrivateKey(raw: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const values = new Set<string>();
  const keySlices = new Set<string>();
  const holdsKeySlice = (run: string): boolean => {
    for (let i = 0; i + KEY_SLICE <= run.length; i++) if (keySlices.has(run.slice(i, i + KEY_SLICE))) return true;
    return false;
  };
  return {
    add(secret) {
      if (secret.length >= MIN_SECRET_LENGTH) values.add(secret);
    },
    addPrivateKey(raw) {
      const body = normalizePem(raw)?.body ?? raw.replace(/\s+/g, '');
      for (let i = 0; i + KEY_SLICE <= body.length; i++) keySlices.add(body.slice(i, i + KEY_SLICE));
    },
    redact(text) {
      let clean = text;
      for (const value of values) clean = clean.split(value).join(REDACTED);
      if (keySlices.size === 0) return clean;
      return clean.replace(/[A-Za-z0-9+/=_-]{16,}/g, (run) => (holdsKeySlice(run) ? REDACTED : run));
    },
  };
}
