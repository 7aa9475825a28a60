import { CozeError } from './errors.js';
import type { HttpResponse } from './http.js';
export interface MintedToken {
    token: string;
    /** When Coze says the token stops working. */
    expiresAt: Date;
    /** Whole seconds left at mint time. */
    expiresIn: number;
    logId?: string;
}
/** A 2xx answer to the token exchange; anything but a well-formed token is an error, so no output is set. */
export declare function parseTokenResponse(response: HttpResponse, nowMs: number): MintedToken;
export interface ErrorContext {
    /** What was being done, for the start of the message: "Coze refused the token request". */
    what: string;
    baseUrl: string;
    /** Hints by Coze code that know more about this call than the general ones. */
    hintsByCode?: Record<string, string>;
}
/** A non-2xx answer (or an API-level error code) as one actionable CozeError. */
export declare function cozeErrorFrom(response: HttpResponse, context: ErrorContext): CozeError;
