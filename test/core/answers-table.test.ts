// knownAnswer, readAnswer and cleanText on their own: which label each answer gets, and exactly what of
// Coze's words is kept.
import { describe, expect, it } from 'vitest';
import { otherSite } from '../../src/core/answer-parts.ts';
import { type Answer, KNOWN_ANSWERS, knownAnswer } from '../../src/core/answers.ts';
import { readAnswer } from '../../src/core/coze-response.ts';
import { outsideText as cleanText } from '../../src/safe-text/outside.ts';

const label = (answer: Answer) => knownAnswer(answer)?.label;

describe('knownAnswer', () => {
  const cases: Array<[Answer, string | undefined]> = [
    [{ status: 300 }, 'HTTP 3xx'],
    [{ status: 307, location: 'https://x.example' }, 'HTTP 3xx'],
    [{ status: 399 }, 'HTTP 3xx'],
    [{ status: 407 }, 'HTTP 407'],
    [{ status: 401, code: 'invalid_client', message: 'invalid jwt: kid not been registred' }, 'kid not been registred'],
    [{ status: 401, message: 'verify jwt empty error' }, 'kid not been registred'],
    [{ status: 400, message: 'connector app should bind connector id' }, 'connector app should bind connector id'],
    [{ status: 403, code: 'access_deny' }, '`access_deny`'],
    [{ status: 403, message: 'app: x is currently deactivated by the owner' }, '`access_deny`'],
    [{ status: 200, code: 'internal_error' }, '`internal_error`'],
    [{ status: 400, code: 'invalid_request' }, '`invalid_request`'],
    [{ status: 400, code: 'unsupported_grant_type' }, '`unsupported_grant_type`'],
    ...['kid mismatch', 'unknown key id', 'bad key_id', 'keyid', 'public key unknown', 'public_key', 'fingerprint'].map(
      (message): [Answer, string] => [{ status: 400, message }, 'key id / fingerprint'],
    ),
    [{ status: 400, code: 'fingerprint_mismatch' }, 'key id / fingerprint'],
    [{ status: 400, code: 'bad', message: 'kid unknown' }, 'key id / fingerprint'],
    ...['iat', 'exp', 'expire', 'expired', 'nbf', 'clock', 'timestamp'].map((word): [Answer, string] => [
      { status: 400, message: `jwt ${word} invalid` },
      '`exp`, `iat`, expired, clock',
    ]),
    [{ status: 401, code: 'invalid_client' }, '`invalid_client`'],
    [{ status: 400, code: 'invalid_grant' }, '`invalid_client`'],
    [{ status: 400, code: 'unauthorized_client' }, '`invalid_client`'],
    [{ status: 400, message: 'bad signature' }, '`invalid_client`'],
    ...['4000', '4008', '4009', '4013', '4020', '4100', '4101', '4102'].map((code): [Answer, string] => [
      { status: 200, code },
      code,
    ]),
    [{ status: 400, message: 'no permission' }, '4101'],
    [{ status: 400, message: 'app not published' }, '4101'],
    [{ status: 400, message: 'bot unpublished' }, '4101'],
    [{ status: 429 }, 'HTTP 429'],
    [{ status: 200, code: '4200' }, '4200, HTTP 404'],
    [{ status: 404 }, '4200, HTTP 404'],
    [{ status: 200, code: '5000' }, '5000, HTTP 5xx'],
    [{ status: 500 }, '5000, HTTP 5xx'],
    [{ status: 503 }, '5000, HTTP 5xx'],
    [{ status: 401 }, 'HTTP 401 / 403'],
    [{ status: 403 }, 'HTTP 401 / 403'],
    [{ status: 400 }, undefined],
    [{ status: 499 }, undefined],
    [{ status: 200 }, undefined],
  ];
  for (const [answer, expected] of cases) {
    it(`${JSON.stringify(answer)} → ${expected ?? 'no hint'}`, () => {
      expect(label(answer)).toBe(expected);
    });
  }
});

describe('otherSite', () => {
  it('names the other Coze site of one, and none of a host that is not one', () => {
    expect(otherSite('https://api.coze.cn')).toStrictEqual({ here: 'api.coze.cn', other: 'https://api.coze.com' });
    expect(otherSite('http://127.0.0.1:8080')).toStrictEqual({ here: '127.0.0.1' });
  });
});

describe('the hints, word for word', () => {
  // Each hint as the table writes it (terms still as ⟦name⟧), for an app on either Coze site and for a host that is
  // neither; the snapshot is the reviewed text, so a word lost from any branch of a hint fails here.
  const sites = ['https://api.coze.cn', 'https://api.coze.com', 'http://127.0.0.1:8080'];
  const redirect: Answer = { status: 302, location: 'https://www.coze.com/login' };
  it('reads as reviewed on each site', () => {
    const hints = Object.fromEntries(
      KNOWN_ANSWERS.map((known) => [
        known.label,
        Object.fromEntries(sites.map((baseUrl) => [baseUrl, known.hint(redirect, { baseUrl })])),
      ]),
    );
    expect(hints).toMatchSnapshot();
  });
});

describe('readAnswer', () => {
  // The words of the answer: what the known answers and the messages are made of.
  const read = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    const { refused, code, message, location } = readAnswer({
      status,
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status,
      refused,
      ...(code !== undefined && { code }),
      ...(message !== undefined && { message }),
      ...(location !== undefined && { location }),
    };
  };

  it('reads code 0, numeric or as text, as no error, and keeps only what is there', () => {
    expect(read(200, { code: 0, msg: '', data: {} })).toStrictEqual({ status: 200, refused: false });
    expect(read(200, { code: '0', msg: 'ok' })).toStrictEqual({ status: 200, refused: false, message: 'ok' });
    expect(read(302, '', { location: '/elsewhere' })).toStrictEqual({
      status: 302,
      refused: true,
      location: '/elsewhere',
    });
  });

  it('reads both shapes of refusal', () => {
    expect(read(200, { code: 4101, msg: 'no' })).toStrictEqual({
      status: 200,
      refused: true,
      code: '4101',
      message: 'no',
    });
    expect(read(401, { error_code: 'invalid_client', error_message: 'x', error: 'y' })).toStrictEqual({
      status: 401,
      refused: true,
      code: 'invalid_client',
      message: 'x',
    });
    expect(read(400, { error: 'invalid_grant', error_description: 'd' })).toStrictEqual({
      status: 400,
      refused: true,
      code: 'invalid_grant',
      message: 'd',
    });
  });

  it('holds a field only for what the answer gave', () => {
    const bare = readAnswer({ status: 200, headers: {}, body: '{"code":0}' });
    expect(Object.keys(bare)).toEqual(['status', 'refused', 'body', 'ok']);
    const user = (id: string) =>
      readAnswer({ status: 200, headers: {}, body: JSON.stringify({ code: 0, data: { user_id: id } }) });
    expect(user('7'.repeat(256)).exactUserId).toBe('7'.repeat(256));
    expect(user('7'.repeat(257))).not.toHaveProperty('exactUserId');
    const typed = (type: string) =>
      readAnswer({ status: 200, headers: { 'content-type': type }, body: '{}' }).contentType;
    const html = readAnswer({ status: 502, headers: { 'content-type': 'text/html' }, body: 'Bad gateway' });
    expect(html.body).toBe('html');
    expect(['application/json; charset=utf-8', ' text/html ', 'bad text/html', 'text/html x'].map(typed)).toEqual([
      'application/json',
      'text/html',
      undefined,
      undefined,
    ]);
  });

  it('names the kind of body it got', () => {
    const kind = (body: string) => readAnswer({ status: 502, headers: {}, body }).body;
    expect(['', ' <p>down</p>', '{"a":1}', '[1]', '"text"', 'Bad gateway'].map(kind)).toEqual([
      'empty',
      'html',
      'json-object',
      'json-other',
      'json-other',
      'other',
    ]);
  });

  it('refuses every status outside 200 to 299', () => {
    expect([199, 200, 299, 300].map((status) => read(status, {}).refused)).toEqual([true, false, false, true]);
  });
});

describe('cleanText', () => {
  it("keeps Coze's words on one line, trimmed, without control characters", () => {
    expect(cleanText(' bad\n\n::error::x\u0007y \n')).toBe('bad ::error::x y');
    expect(cleanText(4101)).toBe('4101');
    expect(cleanText('  ')).toBeUndefined();
    expect(cleanText({ nested: true })).toBeUndefined();
  });

  it('cuts at 300 characters, marking the cut', () => {
    expect(cleanText('x'.repeat(300))).toBe('x'.repeat(300));
    expect(cleanText('x'.repeat(301))).toBe(`${'x'.repeat(300)}…`);
  });

  it('cuts whole JWTs and czs_, pat_ and sat_ tokens out', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJlLXBhcnQ';
    expect(cleanText(`bad ${jwt}, czs_a-b_c pat_x sat_y kept_z`)).toBe(
      'bad [redacted], [redacted] [redacted] [redacted] kept_z',
    );
    expect(cleanText(`${jwt}.`)).toBe('[redacted].');
  });
});
