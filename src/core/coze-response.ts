// Coze's HTTP answers, each read once: its words through the gate, its log id, and the token's or the user's fields.
import { BOUND, bounded, outsideText, type Redact, withoutSecretShapes } from '../safe-text/outside.js';
import { inOAuthConfigTerms, term } from '../safe-text/terms.js';
import { type Answer, type AnswerContext, knownAnswer } from './answers.js';
import { CozeError } from './errors.js';
import type { HttpResponse } from './http.js';
import { parseJson } from './json-text.js';
import { ownRecord } from './own.js';

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

/** What a body is, when it holds no words of Coze's. */
type BodyKind = 'empty' | 'html' | 'json-object' | 'json-other' | 'other';

/**
 * One HTTP answer, read once: its words through the gate (outside.ts), its ids in their shape, and the few fields
 * the token exchange and the check call take, unread. Nothing else of the body is kept.
 */
export interface CozeAnswer extends Answer {
  /** Any status but 2xx, or a code that is not 0: Coze said no. */
  refused: boolean;
  logId?: string;
  /** Retry-After as sent, bounded. */
  retryAfter?: string;
  body: BodyKind;
  /** type/subtype of the Content-Type, when it has that shape. */
  contentType?: string;
  /** The token exchange's fields, checked for their shape by parseTokenResponse and never shown. */
  accessToken?: unknown;
  expiresIn?: unknown;
  /** /v1/users/me: code 0, and who the token acts for. */
  ok: boolean;
  userId?: string;
  /** user_id as Coze sent it, when it is a string of at most 256 characters: never written, only compared. */
  exactUserId?: string;
  userName?: string;
}

/** A JSON object of the answer, own fields only: a field Coze did not send reads as undefined, prototype aside. */
function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value instanceof Object && !Array.isArray(value) ? ownRecord(value as Record<string, unknown>) : undefined;
}

function bodyKind(body: string, json: unknown, contentType: string | undefined): BodyKind {
  if (body.trim() === '') return 'empty';
  if (contentType === 'text/html' || /^\s*</.test(body)) return 'html';
  if (asRecord(json)) return 'json-object';
  return json === undefined ? 'other' : 'json-other';
}

/** A header's value, bounded before anything looks at it. */
function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return value === undefined ? undefined : bounded(value, BOUND.header);
}

/** Coze's log id (x-tt-logid) when it has the shape of one, letters, digits, - and _, at most 64, and is no token. */
function logIdOf(response: HttpResponse): string | undefined {
  const value = header(response, 'x-tt-logid');
  return value !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(value) && withoutSecretShapes(value) === value
    ? value
    : undefined;
}

/**
 * Reads any Coze answer, once: the token endpoint's error_code / error_message, the other APIs' code / msg, the
 * token's fields, the check call's user. Every piece of text goes through the gate, with `redact` cutting out what
 * the run holds.
 */
export function readAnswer(response: HttpResponse, redact?: Redact): CozeAnswer {
  const json = parseJson(response.body)?.value;
  const record = asRecord(json) ?? {};
  const words = (value: unknown) => outsideText(value, BOUND.words, redact);
  const apiCode = record.code === 0 || record.code === '0' ? undefined : words(record.code);
  const code = words(record.error_code) ?? apiCode ?? words(record.error);
  const message = words(record.error_message) ?? words(record.msg) ?? words(record.error_description);
  const contentType = /^\s*([\w.+-]{1,64}\/[\w.+-]{1,64})\s*(;|$)/.exec(header(response, 'content-type') ?? '')?.[1];
  const [location, retryAfter, logId] = [
    bounded(response.headers.location ?? '', BOUND.url),
    header(response, 'retry-after'),
    logIdOf(response),
  ];
  const user = asRecord(record.data) ?? {};
  const [userId, userName] = [words(user.user_id), words(user.user_name)];
  // The id exactly as sent, for expected-user-id: a cleaned-up id must not match one it only looks like.
  const exactUserId = typeof user.user_id === 'string' && user.user_id.length <= 256 ? user.user_id : undefined;
  return {
    status: response.status,
    refused: response.status < 200 || response.status > 299 || code !== undefined,
    body: bodyKind(response.body, json, contentType),
    ok: record.code === 0,
    ...(code !== undefined && { code }),
    ...(message !== undefined && { message }),
    ...(response.headers.location !== undefined && { location }),
    ...(retryAfter !== undefined && { retryAfter }),
    ...(logId !== undefined && { logId }),
    ...(contentType !== undefined && { contentType }),
    ...('access_token' in record && { accessToken: record.access_token }),
    ...('expires_in' in record && { expiresIn: record.expires_in }),
    ...(userId !== undefined && { userId }),
    ...(exactUserId !== undefined && { exactUserId }),
    ...(userName !== undefined && { userName }),
  };
}

/** Worth another attempt: 408, 429, 5xx, or a documented transient code whatever the HTTP status. */
export function isTransient(answer: CozeAnswer): boolean {
  const { status } = answer;
  if (status === 408 || status === 429 || status >= 500) return true;
  return answer.refused && knownAnswer(answer)?.transient === true;
}

/** What the body is, in words, when it holds no message of Coze's. Never quotes the body. */
function describeBody(answer: CozeAnswer): string {
  switch (answer.body) {
    case 'empty':
      return 'an empty body';
    case 'html':
      return 'an HTML page (a gateway or proxy answered, not the Coze API)';
    case 'json-object':
      return 'a JSON object without an error message';
    case 'json-other':
      return 'a JSON body that is not an object';
    default:
      return answer.contentType ? `a body that is not JSON (${answer.contentType})` : 'a body that is not JSON';
  }
}

/**
 * The token exchange's answer: a refusal in any shape (any status with error_code, a non-zero code) is
 * Coze's refusal; a 2xx that is anything but a well-formed token is an error too, so no output is set.
 */
export function parseTokenResponse(answer: CozeAnswer, nowMs: number, context: AnswerContext): MintedToken {
  if (answer.refused) throw cozeErrorFrom(answer, { ...context, what: 'Coze refused the token request' });
  const { logId } = answer;
  const fail = (problem: string): never => {
    throw new CozeError(`Coze answered the token request with ${problem}`, {
      status: answer.status,
      ...(logId && { logId }),
      hint:
        `No token was set. Check that ${term('base-url')} points at the Coze API (https://api.coze.cn or ` +
        `https://api.coze.com) and not at a proxy or web page`,
    });
  };
  if (answer.body !== 'json-object') return fail(describeBody(answer));
  const token = answer.accessToken;
  if (typeof token !== 'string' || token.trim() === '') return fail('no access_token');
  if (token.length > MAX_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token))
    return fail('an access_token that is not a printable string without spaces');
  if (token.length < MIN_TOKEN_LENGTH)
    return fail(`an access_token of ${token.length} characters, too short to be a Coze token`);
  const expiresAtSeconds = answer.expiresIn;
  if (!Number.isFinite(expiresAtSeconds)) return fail('no numeric expires_in');
  const expiresIn = Math.floor((expiresAtSeconds as number) - nowMs / 1000);
  if (expiresIn <= 0) return fail('an expires_in that is already past (it is a Unix time; is the runner clock right?)');
  if (expiresIn > MAX_TOKEN_LIFETIME_SECONDS)
    return fail('an expires_in more than a year ahead, which is not a Unix time in seconds');
  return { token, expiresAt: new Date((expiresAtSeconds as number) * 1000), expiresIn, ...(logId && { logId }) };
}

export interface ErrorContext extends AnswerContext {
  fromOAuthConfig?: readonly string[] | undefined;
  /** What was being done, for the start of the message: "Coze refused the token request". */
  what: string;
  /** Hints by Coze code that know more about this call than the general ones. */
  hintsByCode?: Record<string, string>;
}

/** A refusal, in any of Coze's shapes, as one actionable CozeError with its words, code, log id and hint. */
export function cozeErrorFrom(answer: CozeAnswer, context: ErrorContext): CozeError {
  const said = answer.message ?? (answer.code === undefined ? undefined : `${answer.code}, without a message`);
  const message = said === undefined ? `${context.what} with ${describeBody(answer)}` : `${context.what}: ${said}`;
  // Coze's code is outside text: looked up as an own name only, so 'toString' is no hint of ours.
  const own =
    answer.code !== undefined && context.hintsByCode !== undefined && Object.hasOwn(context.hintsByCode, answer.code);
  const general = (own && context.hintsByCode?.[answer.code as string]) || knownAnswer(answer)?.hint(answer, context);
  // Credentials the console's file gave are named by the file's fields, not by settings nobody set.
  const hint = general && inOAuthConfigTerms(general, context.fromOAuthConfig ?? []);
  return new CozeError(message, {
    status: answer.status,
    ...(answer.code !== undefined && { code: answer.code }),
    ...(answer.logId && { logId: answer.logId }),
    ...(hint && { hint }),
  });
}
