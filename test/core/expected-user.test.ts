// expected-user-id: read only with verify, and a verified token for anyone else fails naming it.
import { describe, expect, it } from 'vitest';
import { describeError, InputError } from '../../src/core/errors.ts';
import { checkExpectedUser, parseExpectedUserId } from '../../src/core/expected-user.ts';

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).inputs).toEqual(['expected-user-id']);
    return error as InputError;
  }
  throw new Error('no InputError');
}

describe('parseExpectedUserId', () => {
  it('reads an id, trimmed; nothing when it is not given', () => {
    expect(parseExpectedUserId(' 7400000000000000001\n', true)).toBe('7400000000000000001');
    expect(parseExpectedUserId('', false)).toBeUndefined();
    expect(parseExpectedUserId('  ', true)).toBeUndefined();
  });

  it("refuses an id with spaces, and any id without verify, in each surface's words", () => {
    expect(refusal(() => parseExpectedUserId('7400 0001', true)).message).toBe(
      "Input 'expected-user-id': expected the user_id /v1/users/me gives, without spaces or line breaks",
    );
    const withoutVerify = refusal(() => parseExpectedUserId('7400000000000000001', false));
    expect(withoutVerify.message).toBe(
      "Input 'expected-user-id': needs verify: true: only /v1/users/me tells the user",
    );
    expect(describeError(withoutVerify, 'cli')).toBe(
      '--expected-user-id: needs coze-token check: only /v1/users/me tells the user',
    );
    expect(describeError(withoutVerify, 'library')).toBe(
      "Option 'expectedUserId': needs verify: true: only /v1/users/me tells the user",
    );
  });
});

describe('checkExpectedUser', () => {
  it('lets the expected user, or no expectation, through', () => {
    expect(() => checkExpectedUser({ exactUserId: '7400000000000000001' }, '7400000000000000001')).not.toThrow();
    expect(() => checkExpectedUser({ exactUserId: '7400000000000000001' }, undefined)).not.toThrow();
    expect(() => checkExpectedUser({}, undefined)).not.toThrow();
  });

  it('fails a token for another user, naming expected-user-id and quoting neither user', () => {
    const error = refusal(() =>
      checkExpectedUser({ exactUserId: 'czs_echoedTokenAsUserId0123456789' }, '7400000000000000001'),
    );
    expect(error.message).toBe(
      "Input 'expected-user-id': does not match: the token acts for another Coze user. Check that the credentials (app-id, public-key-id and private-key, or oauth-config) and base-url are the app and site meant, and the id itself",
    );
    expect(error.message).not.toMatch(/czs_|7400/);
    expect(describeError(error, 'library')).toMatch(
      /^Option 'expectedUserId': does not match: .*\(appId, publicKeyId and privateKey, or oauthConfig\) and baseUrl/,
    );
  });

  it('fails when Coze named no user, as the check cannot be made', () => {
    expect(refusal(() => checkExpectedUser({}, '7400000000000000001')).expected).toBe(
      "cannot be checked: Coze's /v1/users/me gave no user_id for the token",
    );
  });
});
