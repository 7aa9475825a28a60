import { type AnswerContext } from './answers.js';
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
/**
 * The token exchange's answer: a refusal in any shape (any status with error_code, a non-zero code) is
 * Coze's refusal; a 2xx that is anything but a well-formed token is an error too, so no output is set.
 */
export declare function parseTokenResponse(response: HttpResponse, nowMs: number, context: AnswerContext): MintedToken;
export interface ErrorContext extends AnswerContext {
    /** What was being done, for the start of the message: "Coze refused the token request". */
    what: string;
    /** Hints by Coze code that know more about this call than the general ones. */
    hintsByCode?: Record<string, string>;
}
/** A refusal, in any of Coze's shapes, as one actionable CozeError with its words, code, log id and hint. */
export declare function cozeErrorFrom(response: HttpResponse, context: ErrorContext): CozeError;
