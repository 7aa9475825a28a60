import type { Verification } from './verify.js';
/** Reads expected-user-id; undefined when it is not given. Only the check call knows the user, so it needs verify. */
export declare function parseExpectedUserId(text: string, verify: boolean): string | undefined;
/**
 * Throws when the verified token acts for another user than expected, or Coze named none. An InputError: the
 * settings disagree with each other (the credentials are another identity's), while Coze did what it was asked.
 * Quotes neither the token nor Coze's user id, which the report shows, redacted.
 */
export declare function checkExpectedUser(verification: Pick<Verification, 'exactUserId'>, expected: string | undefined): void;
