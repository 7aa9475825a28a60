// JSON text from outside, read bounded: how deep it nests and whether it ends, found by one scan before it is
// parsed; the parse never throws, and JSON's own error (which quotes the text) is never kept.

export interface JsonShape {
  /** How deeply arrays and objects nest. */
  depth: number;
  /** Every string, array and object that opens also closes: text cut short ends open. */
  closed: boolean;
}

/** The shape of JSON text, read in one pass without parsing it, so no depth can overflow a stack. */
export function jsonShape(text: string): JsonShape {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (escaped) escaped = false;
    else if (inString) {
      if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return { depth: deepest, closed: depth <= 0 && !inString };
}

/** The parsed value, or nothing when the text is not JSON. */
export function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** A JSON object, not an array or null: what every settings file and claim here is. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, in words, for an error that must not quote it. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
