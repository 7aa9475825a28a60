// The library's errors, rewritten in one place: no secret of the call, the library's names, and a stack a user can
// read.
import { CozeError, explainError, InputError, NetworkError } from '../core/errors.js';
import { optionName } from '../core/settings.js';
import { createRedactor, publicText, type Redactor } from '../safe-text/redactor.js';

/**
 * The error as the library throws it. Whatever Coze echoed back of a secret the call held (the key, a JWT, the
 * token) is cut out of its message and details; settings are named as options (baseUrl), in `inputs` too; and its
 * stack is the problem, then the caller's frames.
 */
export function libraryError(error: unknown, redactor: Redactor = createRedactor()): unknown {
  if (!(error instanceof Error)) return error;
  const words = (text: string) => publicText(redactor, 'library', text);
  // Defined, not assigned: a DOMException's message is a getter, which an assignment would throw on.
  const define = (name: string, value: string) =>
    Object.defineProperty(error, name, { value, writable: true, configurable: true });
  if (error instanceof InputError) {
    define('message', words(explainError(error, 'library').problem));
    if (!error.asGiven) Object.defineProperty(error, 'inputs', { value: error.inputs.map(optionName) });
  } else define('message', words(error.message));
  if (error instanceof NetworkError && error.hint !== undefined) define('hint', words(error.hint));
  if (error instanceof CozeError) {
    for (const [name, value] of Object.entries(error.details))
      if (typeof value === 'string') Object.assign(error.details, { [name]: words(value) });
  }
  // Defined, not assigned, for the same reason: Node leaves out the source line of the bundle (scripts/build.ts).
  if (error instanceof InputError || error instanceof CozeError || error instanceof NetworkError)
    define('stack', userStack(error));
  return error;
}

/**
 * The folder two up from the file of a stack's first frame: for a stack of this module's own, the folder that holds
 * all of the library's code, src/ (this file is in src/lib/) or dist/ in the bundle (it is dist/lib/index.js).
 */
export function ownFolder(stack: string): string {
  // A frame ends in file:line:column; the column's first digit is enough to know one.
  return /\(?(\S*[\\/])[^\\/\s]+[\\/][^\\/\s]+:\d+:\d/.exec(stack)?.[1] ?? '';
}

export const LIBRARY_FOLDER = ownFolder(String(new Error().stack));

/**
 * The stack as the library's user should see it, printed or uncaught: the problem with Coze's status, code and log
 * id, then the caller's frames from where the library hands the error over; not the library's own frames, which in
 * the bundle are minified and say nothing. (The error's own stack is not read: reading it drops where V8 saw the
 * error thrown, and Node then prints its own internal source line above an uncaught error.)
 */
function userStack(error: Error): string {
  // Without a prototype, so that its first line is "Error" whatever another part of the host put on Object.prototype
  // (a message with line breaks would pass for frames); the rest are its frames. No stack at all where the host set
  // Error.stackTraceLimit to something other than a number.
  const here: { stack?: string } = Object.create(null);
  Error.captureStackTrace(here);
  const frames = (here.stack ?? '')
    .split('\n')
    .slice(1)
    .filter((line) => !line.includes(LIBRARY_FOLDER) && !/[( ]node:/.test(line));
  return [`${error.name}: ${explainError(error, 'library').problem}`, ...frames].join('\n');
}
