// expected-user-id: the token must act for the Coze user the settings name, as /v1/users/me tells it; a token for
// anyone else means the credentials are another app's, account's or site's, and the run fails before giving it out.
import { setting, term } from '../safe-text/terms.js';
import { InputError } from './errors.js';
import { IDENTIFIER } from './values.js';
import type { Verification } from './verify.js';

const SETTING = 'expected-user-id';
const KEY = `${term('app-id')}, ${term('public-key-id')} and ${term('private-key')}`;
const CREDENTIALS = `the credentials (${KEY}, or ${term('oauth-config')}) and ${term('base-url')}`;

/** Reads expected-user-id; undefined when it is not given. Only the check call knows the user, so it needs verify. */
export function parseExpectedUserId(text: string, verify: boolean): string | undefined {
  const id = text.trim();
  if (id === '') return undefined;
  if (!IDENTIFIER.test(id)) {
    throw new InputError(SETTING, 'expected the user_id /v1/users/me gives, without spaces or line breaks');
  }
  if (!verify) throw new InputError(SETTING, `needs ${setting('verify', 'true')}: only /v1/users/me tells the user`);
  return id;
}

/**
 * Throws when the verified token acts for another user than expected, or Coze named none. An InputError: the
 * settings disagree with each other (the credentials are another identity's), while Coze did what it was asked.
 * Quotes neither the token nor Coze's user id, which the report shows, redacted.
 */
export function checkExpectedUser(verification: Pick<Verification, 'exactUserId'>, expected: string | undefined): void {
  if (expected === undefined || verification.exactUserId === expected) return;
  if (verification.exactUserId === undefined) {
    throw new InputError(SETTING, "cannot be checked: Coze's /v1/users/me gave no user_id for the token");
  }
  const problem = 'does not match: the token acts for another Coze user';
  throw new InputError(SETTING, `${problem}. Check that ${CREDENTIALS} are the app and site meant, and the id itself`);
}
