import { describe, expect, it } from 'vitest';
import {
  type ErrorContext,
  cozeErrorFrom as errorFromAnswer,
  parseTokenResponse as parseAnswer,
  readAnswer,
} from '../../src/core/coze-response.ts';
import { CozeError, describeError } from '../../src/core/errors.ts';
import type { HttpResponse } from '../../src/core/http.ts';

// Each answer is read once, as sendWithRetries does, then made a token or an error.
const parseTokenResponse = (response: HttpResponse, nowMs: number, context: { baseUrl: string }) =>
  parseAnswer(readAnswer(response), nowMs, context);
const cozeErrorFrom = (response: HttpResponse, context: ErrorContext) => errorFromAnswer(readAnswer(response), context);

const NOW = Date.UTC(2026, 10, 25, 8, 0, 0);
const nowSeconds = NOW / 1000;
const site = { baseUrl: 'https://api.coze.cn' };
const ok = (body: string, headers: Record<string, string> = {}): HttpResponse => ({
  status: 200,
  headers: { 'x-tt-logid': 'LOG123', ...headers },
  body,
});

describe('parseTokenResponse', () => {
  it('reads expires_in as an absolute Unix time', () => {
    const minted = parseTokenResponse(
      ok(JSON.stringify({ access_token: 'czs_abcdefghijklmnopq', expires_in: nowSeconds + 900, token_type: 'Bearer' })),
      NOW,
      site,
    );
    expect(minted).toEqual({
      token: 'czs_abcdefghijklmnopq',
      expiresAt: new Date(NOW + 900_000),
      expiresIn: 900,
      logId: 'LOG123',
    });
  });

  const bad: Array<[string, string, RegExp]> = [
    ['HTML', '<html><body>502 Bad Gateway</body></html>', /an HTML page/],
    ['plain text', 'upstream error', /a body that is not JSON \(application\/json\)/],
    ['an empty body', '', /an empty body/],
    ['a body of spaces', '  \n ', /an empty body/],
    ['a JSON array', '[]', /a JSON body that is not an object/],
    ['a JSON string', '"czs_abcdefghijklmnopq"', /a JSON body that is not an object/],
    ['a JSON number', '42', /a JSON body that is not an object/],
    ['JSON null', 'null', /a JSON body that is not an object/],
    ['a JSON object with neither token nor error', '{"data":{}}', /no access_token/],
    ['no access_token', JSON.stringify({ expires_in: nowSeconds + 900 }), /no access_token/],
    ['an empty access_token', JSON.stringify({ access_token: ' ', expires_in: nowSeconds + 900 }), /no access_token/],
    [
      'an access_token with a line break',
      JSON.stringify({ access_token: 'czs_a\n::warning::x', expires_in: nowSeconds + 900 }),
      /not a printable string/,
    ],
    ['no expires_in', JSON.stringify({ access_token: 'czs_abcdefghijklmnopq' }), /no numeric expires_in/],
    [
      'expires_in as text',
      JSON.stringify({ access_token: 'czs_abcdefghijklmnopq', expires_in: '900' }),
      /no numeric expires_in/,
    ],
    [
      'expires_in in the past',
      JSON.stringify({ access_token: 'czs_abcdefghijklmnopq', expires_in: nowSeconds - 1 }),
      /already past/,
    ],
    [
      'expires_in as a duration',
      JSON.stringify({ access_token: 'czs_abcdefghijklmnopq', expires_in: 900 }),
      /already past/,
    ],
    [
      'expires_in in milliseconds',
      JSON.stringify({ access_token: 'czs_abcdefghijklmnopq', expires_in: NOW + 900_000 }),
      /more than a year ahead/,
    ],
  ];
  for (const [what, body, message] of bad) {
    it(`refuses a 200 with ${what}, without quoting the body`, () => {
      let error: unknown;
      try {
        parseTokenResponse(
          ok(body, { 'content-type': body.startsWith('<') ? 'text/html' : 'application/json' }),
          NOW,
          site,
        );
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CozeError);
      const line = describeError(error);
      expect(line).toMatch(message);
      expect(line).toContain('log id LOG123');
      expect(line).not.toContain('czs_abcdefghijklmnopq');
    });
  }
});

describe('what a 200 that is no token is called', () => {
  const problem = (body: string, headers: Record<string, string> = {}) => {
    try {
      parseTokenResponse({ status: 200, headers, body }, NOW, site);
    } catch (error) {
      return { message: (error as CozeError).message, details: (error as CozeError).details };
    }
    throw new Error('expected a CozeError');
  };

  it('names the body without quoting it, HTML by its type or by its first character', () => {
    expect(problem('OK').message).toBe('Coze answered the token request with a body that is not JSON');
    expect(problem('OK', { 'content-type': 'text/plain ; charset=utf-8' }).message).toBe(
      'Coze answered the token request with a body that is not JSON (text/plain)',
    );
    expect(problem('Bad gateway', { 'content-type': 'text/html; charset=utf-8' }).message).toMatch(/with an HTML page/);
    expect(problem('  <html>', {}).message).toMatch(/with an HTML page/);
    expect(problem('x<y', {}).message).toBe('Coze answered the token request with a body that is not JSON');
  });

  it('names a content type only when it has the shape of one: no controls, no runner commands from a header', () => {
    for (const type of ['text/\u009b2Jplain', 'text/plain\u0085##[error]fake', `text/${'x'.repeat(100)}`, '##[error]x'])
      expect(problem('OK', { 'content-type': type }).message).toBe(
        'Coze answered the token request with a body that is not JSON',
      );
  });

  it('takes x-tt-logid only when it looks like a log id, and never when it looks like a token', () => {
    for (const logId of ['pat_SomeoneElsesPersonalAccessToken0123', 'czs_abc', 'L9\n::error::x', 'x'.repeat(65)])
      expect(problem('OK', { 'x-tt-logid': logId }).details).not.toHaveProperty('logId');
    expect(problem('OK', { 'x-tt-logid': '20261125063205A1B2C3D4E5F6' }).details).toHaveProperty(
      'logId',
      '20261125063205A1B2C3D4E5F6',
    );
  });

  it('says no token was set and where base-url should point', () => {
    expect(problem('OK', { 'x-tt-logid': 'L9' }).details).toStrictEqual({
      status: 200,
      logId: 'L9',
      hint: 'No token was set. Check that ⟦base-url⟧ points at the Coze API (https://api.coze.cn or https://api.coze.com) and not at a proxy or web page',
    });
    expect(problem('OK').details).not.toHaveProperty('logId');
  });

  it('takes an access_token of 16 characters or more, and refuses a shorter one as no Coze token', () => {
    const token = (text: string) =>
      parseTokenResponse(ok(JSON.stringify({ access_token: text, expires_in: nowSeconds + 900 })), NOW, site);
    expect(token('x'.repeat(16)).token).toBe('x'.repeat(16));
    expect(() => token('x'.repeat(15))).toThrow(
      'Coze answered the token request with an access_token of 15 characters, too short to be a Coze token',
    );
    expect(token('x'.repeat(4096)).token).toHaveLength(4096);
    expect(() => token('x'.repeat(4097))).toThrow(/not a printable string without spaces/);
    expect(() => token('czs_abcdefgh ijklmnop')).toThrow(/not a printable string without spaces/);
  });

  it('takes expires_in up to a year ahead, and refuses it at the moment of minting or past a year', () => {
    const token = (expiresIn: number) =>
      parseTokenResponse(
        ok(JSON.stringify({ access_token: 'czs_abcdefghijklmnopq', expires_in: nowSeconds + expiresIn })),
        NOW,
        site,
      );
    expect(token(1).expiresIn).toBe(1);
    expect(() => token(0)).toThrow(/already past/);
    expect(token(366 * 24 * 3600).expiresIn).toBe(366 * 24 * 3600);
    expect(() => token(366 * 24 * 3600 + 1)).toThrow(/more than a year ahead/);
  });
});

describe('cozeErrorFrom', () => {
  const context = { what: 'Coze refused the token request', baseUrl: 'https://api.coze.cn' };
  const refusal = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    describeError(
      cozeErrorFrom(
        {
          status,
          headers: { 'x-tt-logid': 'L1', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        },
        context,
      ),
    );

  it("quotes Coze's error_message and error_code with the status and log id", () => {
    expect(
      refusal(400, {
        error: 'invalid_request',
        error_code: 'invalid_request',
        error_message: 'duration_seconds out of range',
      }),
    ).toBe(
      'Coze refused the token request: duration_seconds out of range (HTTP 400, code invalid_request, log id L1). Coze refused a field of the request (the message names it): check duration-seconds (1 to 86399), scope (a JSON object; it only takes effect for channel apps), and account-id or enterprise-id',
    );
  });

  it('reads the code / msg shape of other Coze APIs', () => {
    expect(refusal(403, { code: 4101, msg: 'permission denied' })).toMatch(
      /^Coze refused the token request: permission denied \(HTTP 403, code 4101, log id L1\)\. The app lacks the permission for this/,
    );
  });

  it('leaves out the code and the log id when Coze gave none', () => {
    const error = cozeErrorFrom({ status: 502, headers: {}, body: '' }, context);
    expect(error.details).toStrictEqual({ status: 502, hint: expect.stringMatching(/server problem/) });
    expect(describeError(error)).toMatch(
      /^Coze refused the token request with an empty body \(HTTP 502\)\. Coze had a server problem/,
    );
  });

  it('describes a JSON answer without words or code, never quoting it', () => {
    expect(refusal(400, { unexpected: 'czs_notAToken' })).toBe(
      'Coze refused the token request with a JSON object without an error message (HTTP 400, log id L1)',
    );
  });

  it('hints at the key id when Coze names it', () => {
    expect(refusal(401, { error: 'invalid_client', error_message: 'public key id not found' })).toMatch(
      /Check public-key-id/,
    );
  });

  it('hints at the other region on an authentication failure', () => {
    expect(refusal(401, { error: 'invalid_client', error_message: 'invalid client' })).toMatch(
      /base-url: https:\/\/api\.coze\.com/,
    );
    const com = cozeErrorFrom(
      { status: 401, headers: {}, body: '{"code":4100,"msg":"auth failed"}' },
      { ...context, baseUrl: 'https://api.coze.com' },
    );
    expect(describeError(com)).toMatch(/base-url: https:\/\/api\.coze\.cn/);
  });

  it('never sends a stand-in or another host to a public site: base-url itself is in question', () => {
    for (const baseUrl of ['http://127.0.0.1:8080', 'https://coze-gateway.example', 'https://www.coze.com']) {
      const hints = [
        { error: 'invalid_client', error_message: 'kid not been registred' },
        { error: 'invalid_client', error_message: 'invalid client' },
        { code: 4100, msg: 'auth failed' },
      ].map((body) =>
        describeError(cozeErrorFrom({ status: 401, headers: {}, body: JSON.stringify(body) }, { ...context, baseUrl })),
      );
      for (const hint of hints) {
        expect(hint).toMatch(
          /[Cc]heck that base-url is the Coze API of the app's site, https:\/\/api\.coze\.cn or https:\/\/api\.coze\.com/,
        );
        expect(hint).not.toMatch(/other site|try https|needs base-url: https/);
      }
    }
    const kid = cozeErrorFrom(
      { status: 401, headers: {}, body: '{"error":"invalid_client","error_message":"kid not been registred"}' },
      context,
    );
    expect(describeError(kid)).toMatch(
      /Usually the app was created on the other site: .*\(try https:\/\/api\.coze\.com\)/,
    );
  });

  it('hints at the clock when Coze names a time claim', () => {
    expect(refusal(401, { error: 'invalid_client', error_message: 'token exp invalid' })).toMatch(/runner's clock/);
  });

  it('explains rate limits, server errors and HTML gateways', () => {
    expect(refusal(429, { msg: 'too many requests' })).toMatch(/rate-limiting/);
    expect(refusal(429, { code: 4013, msg: 'model busy' })).toMatch(/model service failed/);
    expect(refusal(502, '<html>bad gateway</html>', { 'content-type': 'text/html' })).toMatch(
      /with an HTML page .*HTTP 502.*server problem/,
    );
  });

  it('names the host of a redirect it did not follow', () => {
    expect(refusal(302, '', { location: 'https://evil.example/steal' })).toMatch(
      /redirected to `evil\.example`; redirects are not followed/,
    );
    expect(refusal(302, '', { location: 'http://[bad' })).toMatch(/redirected to an unreadable address;/);
    expect(refusal(302, '')).toMatch(/Coze redirected; redirects are not followed/);
  });

  it('cuts a JWT or token that Coze echoes back out of the message', () => {
    const line = refusal(401, {
      error_message: 'bad token eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxIn0.c2lnbmF0dXJl and czs_secretvalue',
    });
    expect(line).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(line).not.toContain('czs_secretvalue');
    expect(line).toContain('[redacted]');
  });

  it('keeps control characters and long text out of the one log line', () => {
    const line = refusal(400, { error_message: `bad\n::error::injected${'x'.repeat(1000)}` });
    expect(line).not.toContain('\n');
    expect(line.length).toBeLessThan(600);
  });
});
