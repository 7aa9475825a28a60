// The one gate for text from outside: Coze's and GitHub's words, codes, names, log ids, headers, the runner's names.
// Each piece is first cut to its bound, then made inert, then redacted, then rid of command openers again; nothing
// here scans more than a bound's worth (and a lookahead, so that an id across the cut is redacted whole), and every
// pattern runs in time linear in what it scans.

/** How much of each kind of outside text is kept; past it the text ends in … and the rest is never looked at. */
export const BOUND = {
  /** Coze's or GitHub's words, a code, a user's name or id. */
  words: 300,
  /** A header value, before it is checked for its shape. */
  header: 256,
  /** A URL from outside (a redirect's Location), before it is parsed. */
  url: 2048,
  /** A name of ours from the environment (workflow, job), or an option name the user typed. */
  name: 120,
} as const;

/** Cuts what is redacted out of outside text: the secrets and ids one run holds. */
export type Redact = (text: string) => string;
const asIs: Redact = (text) => text;

export const REDACTED = '[redacted]';

/**
 * What must never reach a terminal, a log line, the summary or an issue from outside: C0 and C1 controls (line
 * breaks and 8-bit CSI included), line and paragraph separators, and every invisible format character (Unicode's
 * Cf: bidi embeddings, overrides and isolates, zero-width spaces and joiners, the soft hyphen, the word joiner...).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}]+/gu;

/** The text on one line: each run of control characters, line breaks included, as one space. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ');
}

/** What .NET's TrimStart takes off a line before the runner looks for `::`, without what ends a line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the separators U+001C to U+001F are such characters
const LEADING_COMMAND = /^([\t\v\f\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]*)::/gm;

/**
 * The text without a runner command opener: no `##[` anywhere in a line (the legacy ##[error], ##[group], ...), and
 * no `::` first on a line, whitespace aside (::error::, ::add-mask::, ...). Nothing it writes makes a new one.
 */
export function withoutCommands(text: string): string {
  return text.replace(/##\[/g, '## [').replace(LEADING_COMMAND, '$1: :');
}

/**
 * Text from outside made inert: one line; none of the brackets that mark our own terms (terms.ts), so that no
 * outside text is ever rendered as the tool's own advice; no runner command opener; and no `<!--`, so that quoted
 * words never carry an HTML comment, such as the marker of an alert issue.
 */
export function inert(text: string): string {
  return withoutCommands(oneLine(text).replace(/⟦/g, '[').replace(/⟧/g, ']').replace(/<!--/g, '<! --'));
}

/** The first `max` characters, never half of a surrogate pair. */
export function bounded(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A Coze token echoed back: pat_, sat_, czs_ and the like, with the rest of its word. */
const TOKEN_SHAPED = /\b(?:pat|sat|cz[a-z])_[\w-]+/g;
/** Runs of the characters a JWT is written in; each is searched for header.payload.signature on its own. */
const DOTTED_RUN = /[\w-]+(?:\.[\w-]*)*/g;

/** In one run of word characters and dots: every eyJ….….… cut out, keeping what stands around it. */
function withoutJwts(run: string): string {
  const parts = run.split('.');
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const start = part.indexOf('eyJ');
    if (start >= 0 && i + 2 < parts.length && parts[i + 1] !== '') {
      kept.push(`${part.slice(0, start)}${REDACTED}`);
      i += 2;
    } else kept.push(part);
  }
  return kept.join('.');
}

/** A JWT or a Coze token, whoever's, cut out by its shape: outside text has no business repeating one. */
export function withoutSecretShapes(text: string): string {
  return text.replace(DOTTED_RUN, withoutJwts).replace(TOKEN_SHAPED, REDACTED);
}

/**
 * How far past its bound outside text is read before it is cut: further than the longest id (IDENTIFIER in
 * config.ts) or secret piece, so that one standing across the cut is redacted whole, never shown in part.
 */
const LOOKAHEAD = 256;

/**
 * The gate: a string or number from outside, cut to `max`, inert, without anything secret-shaped and without what
 * `redact` knows; undefined when nothing is left. Text cut short ends in ….
 */
export function outsideText(value: unknown, max: number = BOUND.words, redact: Redact = asIs): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const whole = String(value);
  // Redacted a little past the bound and cut after, so that an id across the cut goes whole; a term redact put in
  // and the cut split is left out, not left open. Command openers go after redaction, which can make one (## and an
  // id); what the cut and the trim leave of a text without them has none either.
  const window = bounded(whole, max + LOOKAHEAD);
  const clean = withoutCommands(redact(withoutSecretShapes(inert(window))));
  let text = bounded(clean, max);
  const open = text.lastIndexOf('⟦');
  if (open > text.lastIndexOf('⟧')) text = text.slice(0, open);
  text = text.trim();
  if (text === '') return undefined;
  return clean.length > max || window.length < whole.length ? `${text}…` : text;
}

/** The first line of outside text, through the gate. */
export function firstLine(value: string, max: number = BOUND.words, redact: Redact = asIs): string | undefined {
  const head = bounded(value, max + 1);
  const end = head.search(/[\r\n]/);
  return outsideText(end < 0 ? value : head.slice(0, end), max, redact);
}
