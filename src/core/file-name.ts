// A file's name given where the file's text goes (a CI system's "file" variable, a path pasted in), told apart from
// the text itself before anything parses it.

/** How the message for such a name begins, on every setting it is checked for. */
export const NAMES_A_FILE = 'is the name of';

/** No path is longer (Linux's PATH_MAX): longer text is never taken for one, and no pattern looks at it as one. */
export const MAX_PATH_LENGTH = 4096;

/**
 * Whether `text` is one line of a path's length, without the braces of JSON, ending in one of `extensions` (case
 * aside): a name of such a file rather than its text. Neither a key nor a config file's text ends so.
 */
export function namesFile(text: string, extensions: readonly string[]): boolean {
  const line = text.trim();
  if (line.length > MAX_PATH_LENGTH || /[{}\r\n]/.test(line)) return false;
  const lower = line.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension));
}
