// Option names as typed by people: the one they most likely meant, by spelling or by meaning, and the error for the
// rest.
import { outsideText } from '../safe-text/outside.js';
import { InputError } from './errors.js';
import { optionName, SETTINGS, type SettingSpec } from './settings.js';

/**
 * Names of other tools and of Coze's SDKs for the library's options (keyid, kid, aud, ...), from the settings table.
 */
export const LIBRARY_ALIASES: Record<string, string> = Object.fromEntries(
  Object.entries(SETTINGS as Record<string, SettingSpec>).flatMap(([name, spec]) =>
    (spec.aliases ?? []).map((alias) => [alias, optionName(name)]),
  ),
);

/** Option names are short; what is longer is shown cut, and matched against none. */
const MAX_NAME_LENGTH = 64;

const folded = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
export function editDistance(a: string, b: string): number {
  // The first row counts insertions, the first column deletions; the rest is filled in below.
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : i)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      // Before the second character, a[-1] or b[-1] is undefined and equals none: no swap to count there.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name an unknown one most likely meant: the same but for case, - and _, a name that means it (`aliases`,
 * such as key-id for public-key-id), the start of only one known name (timeout for timeoutSeconds), or a typo or two
 * away.
 */
export function nearestName(
  name: string,
  known: readonly string[],
  aliases: Record<string, string> = LIBRARY_ALIASES,
): string | undefined {
  // A name longer than any option's is no typo of one, and the edit distance would take its length squared.
  if (name.length > MAX_NAME_LENGTH) return undefined;
  const wanted = folded(name);
  const meant = Object.entries(aliases).find(([alias]) => folded(alias) === wanted)?.[1];
  if (meant !== undefined && known.includes(meant)) return meant;
  const starts = known.filter((candidate) => folded(candidate).startsWith(wanted));
  if (wanted.length >= 4 && starts.length === 1) return starts[0];
  const scored = known.map((candidate) => ({ candidate, edits: editDistance(wanted, folded(candidate)) }));
  const best = scored.reduce((a, b) => (b.edits < a.edits ? b : a));
  return best.edits <= Math.min(2, Math.floor(wanted.length / 3)) ? best.candidate : undefined;
}

/**
 * Refuses options that `fn` does not take, naming each (never its value) and the option it most likely meant, so a
 * misspelling such as baseURL cannot silently fall back to a default.
 */
export function checkOptionNames(options: unknown, known: readonly string[], fn: string): void {
  if (typeof options !== 'object' || options === null)
    throw new InputError('options', `expected an object of ${fn}'s options`);
  const unknown = Object.keys(options).filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const names = unknown.map((name) => outsideText(name, MAX_NAME_LENGTH) ?? '');
  const guesses = unknown.map((name, i) => ({ name: names[i] as string, guess: nearestName(name, known) }));
  const meant = guesses.flatMap(({ name, guess }) =>
    guess === undefined ? [] : [unknown.length > 1 ? `${guess} for ${name}` : guess],
  );
  const advice = [
    ...(meant.length > 0 ? [`did you mean ${meant.join(', ')}?`] : []),
    ...(meant.length < unknown.length ? [`${meant.length > 0 ? 'It' : 'it'} takes ${known.join(', ')}`] : []),
  ];
  throw new InputError(
    names,
    `${unknown.length > 1 ? `not options of ${fn}` : `not an option of ${fn}`}; ${advice.join(' ')}`,
    { asGiven: true },
  );
}
