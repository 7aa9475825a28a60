import { outsideText } from '../safe-text/outside.js';
import { InputError } from './errors.js';

/** The spellings of @coze/api's getJWTToken that differ from ours by more than case or a typo. */
const SDK_SPELLINGS: Partial<Record<string, string>> = { keyid: 'publicKeyId', kid: 'publicKeyId', aud: 'audience' };

/** Option names are short; what is longer is shown cut, and matched against none. */
const MAX_NAME_LENGTH = 64;

const folded = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name an unknown one most likely meant: the same but for case, - and _, an SDK spelling, the start of
 * only one known name (timeout for timeoutSeconds), or a typo or two away.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  // A name longer than any option's is no typo of one, and the edit distance would take its length squared.
  if (name.length > MAX_NAME_LENGTH) return undefined;
  const wanted = folded(name);
  const sdk = SDK_SPELLINGS[wanted];
  if (sdk !== undefined && known.includes(sdk)) return sdk;
  const starts = known.filter((candidate) => folded(candidate).startsWith(wanted));
  if (wanted.length >= 4 && starts.length === 1) return starts[0];
  const scored = known.map((candidate) => ({ candidate, edits: distance(wanted, folded(candidate)) }));
  const best = scored.reduce((a, b) => (b.edits < a.edits ? b : a));
  return best.edits <= Math.min(2, Math.floor(wanted.length / 3)) ? best.candidate : undefined;
}

/**
 * Refuses options that `fn` does not take, naming each (never its value) and the option it most likely meant, so a
 * misspelling such as baseURL cannot silently fall back to a default.
 */
export function checkOptionNames(options: unknown, known: readonly string[], fn: string): void {
  if (typeof options !== 'object' || options === null) throw new InputError('options', `expected an object of ${fn}'s options`);
  const unknown = Object.keys(options).filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const names = unknown.map((name) => outsideText(name, MAX_NAME_LENGTH) ?? '');
  const guesses = unknown.map((name, i) => ({ name: names[i] as string, guess: nearestName(name, known) }));
  const meant = guesses.flatMap(({ name, guess }) => (guess === undefined ? [] : [unknown.length > 1 ? `${guess} for ${name}` : guess]));
  const advice = [
    ...(meant.length > 0 ? [`did you mean ${meant.join(', ')}?`] : []),
    ...(meant.length < unknown.length ? [`${meant.length > 0 ? 'It' : 'it'} takes ${known.join(', ')}`] : []),
  ];
  throw new InputError(names, `${unknown.length > 1 ? `not options of ${fn}` : `not an option of ${fn}`}; ${advice.join(' ')}`, { asGiven: true });
}
