import { REDACTED } from './outside.js';
import { inTermsOf, type Setting, type Surface, term } from './terms.js';

/** Any run of this many characters of a secret in outside text, whitespace aside, is taken for a piece of it. */
const SLICE = 12;
/** What a secret is made of; a piece found is redacted with the rest of its run, so no edge of it shows either. */
const SECRET_CHARACTER = /[A-Za-z0-9+/=_.~-]/;

/** Shorter ids are not cut out: they would blank ordinary words and numbers (Coze's app ids have 13 digits). */
export const MIN_IDENTIFIER_LENGTH = 6;

/** Identifiers the README keeps in secrets: public text names the app by a digest, never by these. */
export type Identifier = Extract<Setting, 'app-id' | 'public-key-id'>;

/**
 * What one run keeps out of outside text, by value: its secrets (the key, every JWT, the token, the github-token)
 * and the ids the README keeps in secrets (the app id, the public key's fingerprint).
 */
export interface Redactor {
  add(secret: string): void;
  /** An id, cut out whole wherever it stands, case aside, and shown as the setting's name: [app-id]. */
  addIdentifier(name: Identifier, value: string): void;
  /** The text without any secret or id; an id becomes a term (terms.ts), so write the text in a surface's words after. */
  redact(text: string): string;
}

/**
 * Outside text may repeat a secret broken across lines, cut short, or with spaces in it, so the redactor matches
 * pieces: every 12-character slice of every secret, looked for in the text with its whitespace left out.
 */
export function createRedactor(): Redactor {
  const slices = new Set<string>();
  const identifiers = new Map<string, { name: Identifier; id: string }>();
  const remember = (secret: string) => {
    const compact = secret.replace(/\s+/g, '');
    for (let i = 0; i + SLICE <= compact.length; i++) slices.add(compact.slice(i, i + SLICE));
  };
  return {
    add: remember,
    addIdentifier(name, value) {
      const id = value.trim();
      if (id.length >= MIN_IDENTIFIER_LENGTH) identifiers.set(id.toLowerCase(), { name, id });
    },
    redact(text) {
      let out = withoutSecrets(text, slices);
      for (const { name, id } of identifiers.values()) out = replaceAllIgnoringCase(out, id, `[${term(name)}]`);
      return out;
    },
  };
}

/** Text for one surface: every secret and id the run holds cut out, then every term in the surface's words. */
export function publicText(redactor: Pick<Redactor, 'redact'>, surface: Surface, text: string): string {
  return inTermsOf(surface, redactor.redact(text));
}

/** Lower case, character by character where the whole would change length (İ is two in lower case), so that positions stay the text's. */
function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const character of text) {
    const folded = character.toLowerCase();
    out += folded.length === character.length ? folded : character;
  }
  return out;
}

/** Every occurrence of a literal, case aside, replaced: no pattern is built from it. */
function replaceAllIgnoringCase(text: string, id: string, replacement: string): string {
  const [haystack, needle] = [foldCase(text), foldCase(id)];
  let out = '';
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    out += text.slice(from, at) + replacement;
    from = at + needle.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

function withoutSecrets(text: string, slices: ReadonlySet<string>): string {
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
}
