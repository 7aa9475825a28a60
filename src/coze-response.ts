import { type AnswerContext, jsonObject, knownAnswer, logIdOf, readAnswer } from './answers.js';
import { CozeError } from './errors.js';
import type { HttpResponse } from './http.js';
import { term } from './terms.js';

const MAX_TOKEN_LIFETIME_SECONDS = 366 * 24 * 3600;
/**
 * Coze's tokens run to dozens of characters (czs_ or pat_ and a long random tail). A token is masked in the log
 * before it is set, and masking a short one would blank that text everywhere in the log ("e" in every word), so
 * anything under 16 characters is no token; 16 printable characters are also the least a bearer secret needs.
 */
export const MIN_TOKEN_LENGTH = 16;
const MAX_TOKEN_LENGTH = 4096;

export interface MintedToken {
  token: string;
  /** When Coze says the token stops working. */
  expiresAt: Date;
  /** Whole seconds left at mint time. */
  expiresIn: number;
  logId?: string;
}

/** What the body is, in words, when it holds no message of Coze's. Never quotes the body. */
function describeBody(response: HttpResponse): string {
  const type = /^\s*([\w.+-]{1,64}\/[\w.+-]{1,64})\s*(;|$)/.exec(response.headers['content-type'] ?? '')?.[1];
  if (response.body.trim() === '') return 'an empty body';
  if (type === 'text/html' || /^\s*</.test(response.body)) return 'an HTML page (a gateway or proxy answered, not the Coze API)';
  if (jsonObject(response.body)) return 'a JSON object without an error message';
  try {
    JSON.parse(response.body);
    return 'a JSON body that is not an object';
  } catch {
    return type ? `a body that is not JSON (${type})` : 'a body that is not JSON';
  }
}

/**
 * The token exchange's answer: a refusal in any shape (any status with error_code, a non-zero code) is
 * Coze's refusal; a 2xx that is anything but a well-formed token is an error too, so no output is set.
 */
export function parseTokenResponse(response: HttpResponse, nowMs: number, context: AnswerContext): MintedToken {
  if (readAnswer(response).refused) throw cozeErrorFrom(response, { ...context, what: 'Coze refused the token request' });
  const logId = logIdOf(response);
  const fail = (problem: string): never => {
    throw new CozeError(`Coze answered the token request with ${problem}`, {
      status: response.status,
      ...(logId && { logId }),
      hint: `No token was set. Check that ${term('base-url')} points at the Coze API (https://api.coze.cn or https://api.coze.com) and not at a proxy or web page`,
    });
  };
  const json = jsonObject(response.body);
  if (!json) return fail(describeBody(response));
  const token = json.access_token;
  if (typeof token !== 'string' || token.trim() === '') return fail('no access_token');
  if (!/^[\x21-\x7e]+$/.test(token) || token.length > MAX_TOKEN_LENGTH) return fail('an access_token that is not a printable string without spaces');
  if (token.length < MIN_TOKEN_LENGTH) return fail(`an access_token of ${token.length} characters, too short to be a Coze token`);
  const expiresAtSeconds = json.expires_in;
  if (!Number.isFinite(expiresAtSeconds)) return fail('no numeric expires_in');
  const expiresIn = Math.floor((expiresAtSeconds as number) - nowMs / 1000);
  if (expiresIn <= 0) return fail('an expires_in that is already past (it is a Unix time; is the runner clock right?)');
  if (expiresIn > MAX_TOKEN_LIFETIME_SECONDS) return fail('an expires_in more than a year ahead, which is not a Unix time in seconds');
  return { token, expiresAt: new Date((expiresAtSeconds as number) * 1000), expiresIn, ...(logId && { logId }) };
}

export interface ErrorContext extends AnswerContext {
  /** What was being done, for the start of the message: "Coze refused the token request". */
  what: string;
  /** Hints by Coze code that know more about this call than the general ones. */
  hintsByCode?: Record<string, string>;
}

/** A refusal, in any of Coze's shapes, as one actionable CozeError with its words, code, log id and hint. */
export function cozeErrorFrom(response: HttpResponse, context: ErrorContext): CozeError {
  const answer = readAnswer(response);
  const said = answer.message ?? (answer.code === undefined ? undefined : `${answer.code}, without a message`);
  const message = said === undefined ? `${context.what} with ${describeBody(response)}` : `${context.what}: ${said}`;
  const logId = logIdOf(response);
  // Coze's code is outside text: looked up as an own name only, so 'toString' is no hint of ours.
  const own = answer.code !== undefined && context.hintsByCode !== undefined && Object.hasOwn(context.hintsByCode, answer.code);
  const hint = (own && context.hintsByCode?.[answer.code as string]) || knownAnswer(answer)?.hint(answer, context);
  return new CozeError(message, {
    status: response.status,
    ...(answer.code !== undefined && { code: answer.code }),
    ...(logId && { logId }),
    ...(hint && { hint }),
  });
}
