import { type Redact } from '../safe-text/outside.js';
import { type Answer, type AnswerContext } from './answers.js';
import { CozeError } from './errors.js';
import type { HttpResponse } from './http.js';
/**
 * Coze's tokens run to dozens of characters (czs_ or pat_ and a long random tail). A token is masked in the log
 * before it is set, and masking a short one would blank that text everywhere in the log ("e" in every word), so
 * anything under 16 characters is no token; 16 printable characters are also the least a bearer secret needs.
 */
export declare const MIN_TOKEN_LENGTH = 16;
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
/**
 * Reads any Coze answer, once: the token endpoint's error_code / error_message, the other APIs' code / msg, the
 * token's fields, the check call's user. Every piece of text goes through the gate, with `redact` cutting out what
 * the run holds.
 */
export declare function readAnswer(response: HttpResponse, redact?: Redact): CozeAnswer;
/** Worth another attempt: 408, 429, 5xx, or a documented transient code whatever the HTTP status. */
export declare function isTransient(answer: CozeAnswer): boolean;
/**
 * The token exchange's answer: a refusal in any shape (any status with error_code, a non-zero code) is
 * Coze's refusal; a 2xx that is anything but a well-formed token is an error too, so no output is set.
 */
export declare function parseTokenResponse(answer: CozeAnswer, nowMs: number, context: AnswerContext): MintedToken;
export interface ErrorContext extends AnswerContext {
    fromOAuthConfig?: readonly string[] | undefined;
    /** What was being done, for the start of the message: "Coze refused the token request". */
    what: string;
    /** Hints by Coze code that know more about this call than the general ones. */
    hintsByCode?: Record<string, string>;
}
/** A refusal, in any of Coze's shapes, as one actionable CozeError with its words, code, log id and hint. */
export declare function cozeErrorFrom(answer: CozeAnswer, context: ErrorContext): CozeError;
export {};
