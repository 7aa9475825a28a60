// session-context: the JWT's session_context claim, a JSON object bounded like scope and checked for the shape Coze
// documents (device_info, connector_info); keys Coze may add later pass unchecked.
import { oneLine } from '../safe-text/outside.js';
import { InputError } from './errors.js';
import { isJsonObject, jsonKind, jsonShape, parseJson } from './json-text.js';
import { MAX_SCOPE_CHARACTERS, MAX_SCOPE_DEPTH } from './values.js';

/** What Coze documents of session_context; any other key is sent as it is given. */
export interface SessionContext {
  /** For Coze's flagship edition: the end user's device, and who consumes the token. */
  device_info?: { device_id?: string; custom_consumer?: string; [key: string]: unknown };
  /** connector_id "2001" limits the token to the Chat SDK for the web. */
  connector_info?: { connector_id?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** The strings the known keys hold, by object: ids and names, one line each. */
const KNOWN: Record<string, readonly string[]> = {
  device_info: ['device_id', 'custom_consumer'],
  connector_info: ['connector_id'],
};
const MAX_VALUE = 256;
const EXAMPLE = 'such as {"connector_info":{"connector_id":"2001"}}';

const fail = (problem: string): never => {
  throw new InputError('session-context', problem);
};

/** A known field's value is one line of text, bounded; what is wrong with it, in words that never quote it. */
function fieldProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return jsonKind(value);
  if (value.length > MAX_VALUE) return 'a longer string';
  return oneLine(value) === value ? undefined : 'a string with line breaks or control characters';
}

/** Parses the session-context setting; one InputError naming it and the field for each break, never quoting it. */
export function parseSessionContext(text: string): SessionContext {
  const expected = 'expected a JSON object';
  if (text.length > MAX_SCOPE_CHARACTERS) fail(`${expected} of at most ${MAX_SCOPE_CHARACTERS} characters`);
  if (jsonShape(text).depth > MAX_SCOPE_DEPTH) fail(`${expected} nested at most ${MAX_SCOPE_DEPTH} levels deep`);
  const parsed = parseJson(text);
  if (!parsed) return fail(`${expected}, ${EXAMPLE}; it is not valid JSON`);
  const context = parsed.value;
  if (!isJsonObject(context)) return fail(`${expected} ({...}), ${EXAMPLE}, not ${jsonKind(context)}`);
  for (const [name, fields] of Object.entries(KNOWN)) {
    if (!Object.hasOwn(context, name)) continue;
    const part = context[name];
    if (!isJsonObject(part)) return fail(`expected ${name} to be a JSON object, ${EXAMPLE}, not ${jsonKind(part)}`);
    for (const field of fields) {
      const problem = Object.hasOwn(part, field) ? fieldProblem(part[field]) : undefined;
      if (problem) fail(`expected ${name}.${field} to be a line of at most ${MAX_VALUE} characters, not ${problem}`);
    }
  }
  return context as SessionContext;
}
