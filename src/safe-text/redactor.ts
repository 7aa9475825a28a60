// The redactor: the secrets and ids one run holds, cut out of text by value, however it is spelt, split or cut.
import { type FoldedRange, fold, replaceRanges } from './fold.js';
import { REDACTED, withoutCommands } from './outside.js';
import { inTermsOf, type Setting, type Surface, term } from './terms.js';

/** Any run of this many characters of a secret in outside text, whitespace aside, is taken for a piece of it. */
const SLICE = 12;
/** What a secret is made of; a piece found is redacted with the rest of its run, so no edge of it shows either. */
const SECRET_CHARACTER = /[A-Za-z0-9+/=_.~-]/;

/** Shorter ids are not cut out: they would blank ordinary words and numbers (Coze's app ids have 13 digits). */
export const MIN_IDENTIFIER_LENGTH = 6;

/**
 * Identifiers the README keeps in secrets (public text names the app by a digest, never by these), and the end
 * user's session-name, which the public alert issue leaves out even where Coze repeats it.
 */
export type Identifier = Extract<Setting, 'app-id' | 'public-key-id' | 'session-name'>;

/**
 * What one run keeps out of outside text, by value: its secrets (the key, every JWT, the token, the github-token)
 * and the ids the README keeps in secrets (the app id, the public key's fingerprint).
 */
export interface Redactor {
  add(secret: string): void;
  /** An id, cut out whole wherever it stands, case aside, and shown as the setting's name: [app-id]. */
  addIdentifier(name: Identifier, value: string): void;
  /**
   * The text without any secret or id; an id becomes a term (terms.ts), so write the text in a surface's words after.
   */
  redact(text: string): string;
}

/**
 * Outside text may repeat a secret broken across lines, cut short, with spaces or invisible characters in it, or in
 * fullwidth letters, so the redactor matches pieces: every 12-character slice of every secret, looked for in the
 * text's folded form (fold.ts). Ids are looked for whole in the same form, case aside.
 */
export function createRedactor(): Redactor {
  const slices = new Set<string>();
  const identifiers = new Map<string, Identifier>();
  const remember = (secret: string) => {
    const compact = fold(secret, false).text;
    for (let end = SLICE; end <= compact.length; end++) slices.add(compact.slice(end - SLICE, end));
  };
  return {
    add: remember,
    addIdentifier(name, value) {
      const id = fold(value, true).text;
      if (id.length >= MIN_IDENTIFIER_LENGTH) identifiers.set(id, name);
    },
    // Last, the command openers that a replacement may have made (## and an id is ##[app-id]).
    redact: (text) => withoutCommands(withoutIdentifiers(withoutSecrets(text, slices), identifiers)),
  };
}

/** Text for one surface: every secret and id the run holds cut out, then every term in the surface's words. */
export function publicText(redactor: Pick<Redactor, 'redact'>, surface: Surface, text: string): string {
  return inTermsOf(surface, redactor.redact(text));
}

/** Every id, wherever its folded form stands in the text's, as its setting's term: [⟦app-id⟧]. */
function withoutIdentifiers(text: string, identifiers: ReadonlyMap<string, Identifier>): string {
  const folded = fold(text, true);
  const ranges: FoldedRange[] = [];
  for (const [id, name] of identifiers) {
    for (let at = folded.text.indexOf(id); at >= 0; at = folded.text.indexOf(id, at + id.length)) {
      ranges.push({ first: at, last: at + id.length - 1, by: `[${term(name)}]` });
    }
  }
  return replaceRanges(
    text,
    folded,
    ranges.sort((a, b) => a.first - b.first),
  );
}

function withoutSecrets(text: string, slices: ReadonlySet<string>): string {
  const folded = fold(text, false);
  const { text: compact, spaced } = folded;
  const hidden = new Uint8Array(compact.length);
  // Whitespace inside a piece found goes with it; whitespace between two pieces stays.
  const bridged = new Uint8Array(compact.length);
  for (let end = SLICE; end <= compact.length; end++) {
    if (!slices.has(compact.slice(end - SLICE, end))) continue;
    hidden.fill(1, end - SLICE, end);
    bridged.fill(1, end - SLICE + 1, end);
  }
  // A piece found takes the rest of its run along: the characters of the secret's kind right before and after it,
  // each a character of its own in the text (… folds to three dots, and is no run of a secret).
  const { from } = folded;
  const alone = (i: number) => from[i - 1] !== from[i] && from[i + 1] !== from[i];
  const ofKind = (i: number) => !hidden[i] && alone(i) && SECRET_CHARACTER.test(compact[i] as string);
  for (let i = 1; i < compact.length; i++) if (hidden[i - 1] && !spaced[i] && ofKind(i)) hidden[i] = 1;
  for (let i = compact.length - 2; i >= 0; i--) if (hidden[i + 1] && !spaced[i + 1] && ofKind(i)) hidden[i] = 1;
  const ranges: FoldedRange[] = [];
  for (let i = 0; i < compact.length; i++) {
    if (!hidden[i]) continue;
    const last = ranges[ranges.length - 1];
    if (last && last.last === i - 1 && (bridged[i] || !spaced[i])) last.last = i;
    else ranges.push({ first: i, last: i, by: REDACTED });
  }
  return replaceRanges(text, folded, ranges);
}
