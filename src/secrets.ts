import { normalizePem } from './private-key.js';

const REDACTED = '[redacted]';
/** Any run of this many characters of a secret in outside text, whitespace aside, is taken for a piece of it. */
const SLICE = 12;
/** What a secret is made of; a piece found is redacted with the rest of its run, so no edge of it shows either. */
const SECRET_CHARACTER = /[A-Za-z0-9+/=_.~-]/;

/** The secrets one run holds (the key, every JWT, the token, the github-token), to cut out of outside text by value. */
export interface Redactor {
  add(secret: string): void;
  /** The private key as given: its body however it is wrapped. */
  addPrivateKey(raw: string): void;
  redact(text: string): string;
}

/**
 * Outside text may repeat a secret broken across lines, cut short, or with spaces in it, so the redactor matches
 * pieces: every 12-character slice of every secret, looked for in the text with its whitespace left out.
 */
export function createRedactor(): Redactor {
  const slices = new Set<string>();
  const remember = (secret: string) => {
    const compact = secret.replace(/\s+/g, '');
    for (let i = 0; i + SLICE <= compact.length; i++) slices.add(compact.slice(i, i + SLICE));
  };
  return {
    add: remember,
    addPrivateKey(raw) {
      remember(normalizePem(raw)?.body ?? raw);
    },
    redact(text) {
      if (slices.size === 0) return text;
      // The text without whitespace, and where each of its characters stands in the text.
      const at: number[] = [];
      let compact = '';
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i] as string)) continue;
        at.push(i);
        compact += text[i];
      }
      const hidden = new Uint8Array(text.length);
      for (let i = 0; i + SLICE <= compact.length; i++) {
        if (!slices.has(compact.slice(i, i + SLICE))) continue;
        for (let j = at[i] as number; j <= (at[i + SLICE - 1] as number); j++) hidden[j] = 1;
      }
      // A piece found takes the rest of its run along: the characters of the secret's kind right before and after it.
      for (let i = 1; i < text.length; i++) if (hidden[i - 1] && !hidden[i] && SECRET_CHARACTER.test(text[i] as string)) hidden[i] = 1;
      for (let i = text.length - 2; i >= 0; i--) if (hidden[i + 1] && !hidden[i] && SECRET_CHARACTER.test(text[i] as string)) hidden[i] = 1;
      let out = '';
      for (let i = 0; i < text.length; i++) {
        if (!hidden[i]) out += text[i];
        else if (i === 0 || !hidden[i - 1]) out += REDACTED;
      }
      return out;
    },
  };
}
