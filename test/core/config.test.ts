import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InputName, parseBaseUrl, readDeadline, readMintConfig } from '../../src/core/config.ts';
import { InputError } from '../../src/core/errors.ts';
import { isLoopback } from '../../src/core/http.ts';
import { makeRsaKeys } from '../support/keys.ts';

const keys = makeRsaKeys();
const valid: Record<InputName, string> = {
  'oauth-config': '',
  'session-context': '',
  'app-id': '1183520381944',
  'public-key-id': 'kid-fingerprint',
  'private-key': keys.pkcs8,
  'base-url': '',
  audience: '',
  'duration-seconds': '',
  'session-name': '',
  scope: '',
  'account-id': '',
  'enterprise-id': '',
  'timeout-seconds': '',
  'deadline-seconds': '',
  retries: '',
};
const read = (overrides: Partial<Record<InputName, string>>) =>
  readMintConfig((name) => overrides[name] ?? valid[name]);

describe('readMintConfig', () => {
  it('applies the defaults of action.yml', () => {
    const config = read({});
    expect(config).toMatchObject({
      appId: '1183520381944',
      publicKeyId: 'kid-fingerprint',
      baseUrl: 'https://api.coze.cn',
      audience: 'api.coze.cn',
      durationSeconds: 900,
      timeoutMs: 30_000,
      deadlineMs: 120_000,
      retries: 3,
    });
    expect(config).not.toHaveProperty('sessionName');
    expect(config).not.toHaveProperty('enterpriseId');
    expect(config).not.toHaveProperty('scope');
    expect(config).not.toHaveProperty('accountId');
  });

  it('reads every optional input', () => {
    const config = read({
      'base-url': ' https://api.coze.com/ ',
      audience: 'custom.aud',
      'duration-seconds': '86399',
      'session-name': 'user-42',
      scope: '{"account_permission":{"permission_list":["Connector.botChat"]}}',
      'account-id': '7351',
      'timeout-seconds': '5',
      'deadline-seconds': '3600',
      retries: '0',
    });
    expect(config).toMatchObject({
      baseUrl: 'https://api.coze.com',
      audience: 'custom.aud',
      durationSeconds: 86399,
      sessionName: 'user-42',
      scope: { account_permission: { permission_list: ['Connector.botChat'] } },
      accountId: '7351',
      timeoutMs: 5000,
      deadlineMs: 3_600_000,
      retries: 0,
    });
    expect(read({ 'enterprise-id': 'volcano_2101abc-x' }).enterpriseId).toBe('volcano_2101abc-x');
  });

  it('defaults the audience to the host of a coze.com base-url', () => {
    expect(read({ 'base-url': 'https://api.coze.com' }).audience).toBe('api.coze.com');
  });

  // One row per mistake a user can make: the input named, what is expected, and never the value.
  const mistakes: Array<[InputName, string, RegExp]> = [
    ['app-id', '', /^Input 'app-id': is required: the OAuth app's id from the Coze console$/],
    ['app-id', '   ', /is required/],
    ['app-id', '11835 20381944', /without spaces/],
    ['public-key-id', '', /is required: the public key's fingerprint/],
    ['public-key-id', 'abc\ndef', /without spaces or line breaks/],
    ['duration-seconds', '0', /whole number from 1 to 86399/],
    ['duration-seconds', '86400', /whole number from 1 to 86399/],
    ['duration-seconds', '1e3', /whole number from 1 to 86399/],
    ['duration-seconds', '12abc', /whole number from 1 to 86399/],
    ['duration-seconds', '-5', /whole number from 1 to 86399/],
    ['duration-seconds', '90.5', /whole number from 1 to 86399/],
    ['duration-seconds', 'true', /whole number from 1 to 86399/],
    ['timeout-seconds', '0', /whole number from 1 to 600/],
    ['timeout-seconds', '601', /whole number from 1 to 600/],
    ['retries', '11', /whole number from 0 to 10/],
    ['retries', 'three', /whole number from 0 to 10/],
    ['scope', '{"scope_typo":', /not valid JSON/],
    ['scope', '["a"]', /expected a JSON object/],
    ['scope', 'null', /expected a JSON object/],
    ['scope', '"text"', /expected a JSON object/],
    ['account-id', 'team one', /numeric id/],
    ['account-id', '../../v1/users', /numeric id/],
    ['account-id', 'team42', /numeric id/],
    ['account-id', '42team', /numeric id/],
    ['enterprise-id', '../account/1', /enterprise id such as volcano_/],
    ['deadline-seconds', '0', /whole number from 1 to 3600/],
    ['deadline-seconds', '3601', /whole number from 1 to 3600/],
    [
      'base-url',
      'http://127.evil.example',
      /plain http:\/\/ is allowed only for localhost, .* crosses a network in clear$/,
    ],
    ['base-url', 'http://localhost.evil.example', /plain http:\/\/ is allowed only for localhost/],
    ['base-url', 'http://127.0.0.1.nip.io', /plain http:\/\/ is allowed only for localhost/],
    ['base-url', 'http://[::2]:80', /plain http:\/\/ is allowed only for localhost/],
    ['base-url', 'api.coze.cn', /; this has no https:\/\/ in front$/],
    ['base-url', 'api.coze.cn:443', /; this has no https:\/\/ in front$/],
    ['base-url', 'localhost:8080', /; this has no https:\/\/ in front$/],
    ['base-url', 'api.coze.cn/#https://x', /; this has no https:\/\/ in front$/],
    ['base-url', 'https:api.coze.cn', /; this has no https:\/\/ in front$/],
    ['base-url', `https://${'a'.repeat(1017)}`, /, of 1024 characters at most$/],
    ['base-url', 'https://api.coze cn', /this is not a URL$/],
    ['base-url', 'not a url', /; this has no https:\/\/ in front$/],
    ['base-url', 'https://api.coze.cn/api/permission/oauth2/token', /without a path/],
    ['base-url', 'https://api.coze.cn/v1', /without a path/],
    ['base-url', 'https://api.coze.cn/?region=cn', /without a query/],
    ['base-url', 'https://api.coze.cn/#top', /without a query or fragment/],
    [
      'base-url',
      'https://user:hunter2@api.coze.cn',
      /^Input 'base-url': expected the origin of the Coze API, https:\/\/api\.coze\.cn or https:\/\/api\.coze\.com, without credentials in it$/,
    ],
    ['base-url', 'https://token-in-the-user@api.coze.cn', /without credentials/],
    ['base-url', 'https://:password-only@api.coze.cn', /without credentials/],
    ['base-url', 'http://api.coze.cn', /plain http:\/\/ is allowed only for localhost/],
    ['base-url', 'http://10.0.0.5:8080', /plain http:\/\/ is allowed only for localhost/],
    ['base-url', 'ftp://api.coze.cn', /; only https:\/\/ URLs are supported \(http:\/\/ to localhost\)$/],
    ['base-url', 'file:///etc/passwd', /only https:\/\//],
  ];
  for (const [input, value, expected] of mistakes) {
    it(`refuses ${input} = ${JSON.stringify(value)} naming the input`, () => {
      let error: unknown;
      try {
        read({ [input]: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      const message = (error as Error).message;
      expect(message).toMatch(new RegExp(`^Input '${input}': `));
      expect(message).toMatch(expected);
      // Values our own wording quotes as examples are the only ones the message may contain.
      if (value.trim().length > 4 && !['api.coze.cn'].includes(value.trim()))
        expect(message).not.toContain(value.trim());
    });
  }

  it('takes a base-url of up to 1024 characters, with its scheme in any case', () => {
    expect(parseBaseUrl(`https://${'a'.repeat(1016)}`).hostname).toHaveLength(1016);
    expect(parseBaseUrl('HTTPS://api.coze.cn').origin).toBe('https://api.coze.cn');
  });

  it('allows http:// only to loopback hosts', () => {
    for (const url of [
      'http://127.0.0.1:8080',
      'http://localhost:1',
      'http://[::1]:9',
      'http://127.1.2.3',
      'http://127.1',
    ]) {
      expect(parseBaseUrl(url).protocol).toBe('http:');
    }
    expect(['localhost', '[::1]', '127.0.0.1', '127.255.0.9'].every(isLoopback)).toBe(true);
    expect(
      [
        '127.evil.example',
        'localhost.evil.example',
        '127.0.0.1.nip.io',
        '128.0.0.1',
        '[::2]',
        'localhost.',
        '1127.0.0.1',
      ].some(isLoopback),
    ).toBe(false);
  });

  it('takes session-name and audience as one line of at most 256 characters, without control characters', () => {
    expect(read({ 'session-name': 'u'.repeat(256), audience: 'api.coze.cn' })).toMatchObject({
      sessionName: 'u'.repeat(256),
      audience: 'api.coze.cn',
    });
    for (const bad of ['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u007fb', 'u'.repeat(257)]) {
      expect(() => read({ 'session-name': bad })).toThrow(
        new InputError(
          'session-name',
          "expected an end user's id for the token's session: one line of at most 256 characters, without control characters",
        ),
      );
      expect(() => read({ audience: bad })).toThrow(
        new InputError(
          'audience',
          'expected the JWT audience: one line of at most 256 characters, without control characters',
        ),
      );
    }
  });

  it('names what an app id or a fingerprint is when one has a space', () => {
    expect(() => read({ 'app-id': '118 352' })).toThrow(
      new InputError('app-id', "expected the OAuth app's id from the Coze console, without spaces or line breaks"),
    );
    expect(() => read({ 'public-key-id': 'kid with space' })).toThrow(
      new InputError(
        'public-key-id',
        "expected the public key's fingerprint (公钥指纹) from the Coze console, without spaces or line breaks",
      ),
    );
  });

  it('counts nesting of arrays and objects alike, and only as deep as they go', () => {
    const arrays = `{"a":${'['.repeat(10)}1${']'.repeat(10)}}`;
    expect(() => read({ scope: arrays })).toThrow(
      new InputError('scope', 'expected a JSON object nested at most 10 levels deep'),
    );
    const siblings = JSON.stringify(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, { v: [i] }])));
    expect(read({ scope: siblings }).scope).toBeDefined();
    // An escape covers one character only: nesting after it still counts.
    const afterEscape = `{"a":"\\\\n","b":${'{"c":'.repeat(10)}1${'}'.repeat(10)}}`;
    expect(() => read({ scope: afterEscape })).toThrow(
      new InputError('scope', 'expected a JSON object nested at most 10 levels deep'),
    );
    const escaped = JSON.stringify({ a: '\\', b: '\\"{{{{{{{{{{{{', c: { d: { e: 1 } } });
    expect(read({ scope: escaped }).scope).toEqual(JSON.parse(escaped));
  });

  it('bounds scope at 16384 characters and 10 levels of nesting, counting no bracket inside a string', () => {
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(read({ scope: nested(10) }).scope).toBeDefined();
    expect(() => read({ scope: nested(11) })).toThrow(
      new InputError('scope', 'expected a JSON object nested at most 10 levels deep'),
    );
    expect(read({ scope: JSON.stringify({ a: '[[[[[[[[[[[[{{{{{{{{{{{{', b: 'x\\"[[[[[[[[[[[[[' }) }).scope).toEqual({
      a: '[[[[[[[[[[[[{{{{{{{{{{{{',
      b: 'x\\"[[[[[[[[[[[[[',
    });
    expect(
      read({ scope: [JSON.stringify({ list: [[1], [2], [3], [4], [5], [6], [7], [8], [9], [10], [11]] })].join('') })
        .scope,
    ).toBeDefined();
    const big = JSON.stringify({ a: 'x'.repeat(16 * 1024 - 8) });
    expect(big).toHaveLength(16 * 1024);
    expect(read({ scope: big }).scope).toBeDefined();
    expect(() => read({ scope: JSON.stringify({ a: 'x'.repeat(16 * 1024 - 7) }) })).toThrow(
      new InputError('scope', 'expected a JSON object of at most 16384 characters'),
    );
  });

  it('refuses enterprise-id together with account-id', () => {
    expect(() => read({ 'enterprise-id': 'volcano_1', 'account-id': '1' })).toThrow(
      "Input 'enterprise-id': cannot be used together with account-id",
    );
  });

  it('never crashes or echoes an input: every failure is one InputError naming the input (property)', () => {
    const names = Object.keys(valid).filter((name) => name !== 'private-key') as InputName[];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ minLength: 6, maxLength: 60 }), (name, value) => {
        try {
          read({ [name]: value });
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).input).toBe(name);
          if (value.trim().length >= 6) expect((error as Error).message).not.toContain(value.trim());
        }
      }),
      { numRuns: 600 },
    );
  });

  it('reads every whole number in range and refuses every other number text (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 200_000 }), (n) => {
        const attempt = () => read({ 'duration-seconds': String(n) });
        if (n >= 1 && n <= 86399) expect(attempt().durationSeconds).toBe(n);
        else expect(attempt).toThrow(InputError);
      }),
    );
  });
});

describe('reading the credentials and the deadline', () => {
  const config = (fields: Record<string, string> = {}) =>
    JSON.stringify({
      client_type: 'jwt',
      client_id: '1183520381944',
      public_key_id: 'kid-fingerprint',
      private_key: keys.pkcs8,
      ...fields,
    });
  const fromFile = { 'app-id': '', 'public-key-id': '', 'private-key': '' };

  it('reads a blank deadline as the default, and keeps the default beside a bad one', () => {
    expect(readDeadline(' ')).toStrictEqual({ deadlineMs: 120_000 });
    const bad = readDeadline('0');
    expect(bad.deadlineMs).toBe(120_000);
    expect(bad.problem).toBeInstanceOf(InputError);
  });

  it('takes blank credentials for missing ones, and a blank oauth-config for none', () => {
    expect(() => read({ 'app-id': '  ' })).toThrow(/^Input 'app-id': is required/);
    expect(() => read({ 'private-key': ' \n' })).toThrow(/^Input 'private-key': is required/);
    const blanks = { 'app-id': ' ', 'public-key-id': ' ', 'private-key': ' \n', 'oauth-config': config() };
    expect(read(blanks).fromOAuthConfig).toEqual(['app-id', 'public-key-id', 'private-key']);
    expect(read({ 'oauth-config': ' \n' })).not.toHaveProperty('fromOAuthConfig');
  });

  it('names what the file gave, and neither a setting given beside it nor a site it does not have', () => {
    expect(read({ ...fromFile, 'oauth-config': config() })).toMatchObject({
      baseUrl: 'https://api.coze.cn',
      fromOAuthConfig: ['app-id', 'public-key-id', 'private-key'],
    });
    const beside = read({ ...fromFile, 'oauth-config': config(), 'app-id': ' 1183520381944 ' });
    expect(beside.fromOAuthConfig).toEqual(['public-key-id', 'private-key']);
    const site = read({ ...fromFile, 'oauth-config': config({ coze_api_base: 'https://api.coze.com' }) });
    expect(site).toMatchObject({
      baseUrl: 'https://api.coze.com',
      fromOAuthConfig: ['app-id', 'public-key-id', 'private-key', 'base-url'],
    });
  });

  it('reads every setting but the key trimmed', () => {
    const ids = read({ 'app-id': ' 1183520381944\n', 'public-key-id': ' kid-fingerprint ' });
    expect([ids.appId, ids.publicKeyId]).toEqual(['1183520381944', 'kid-fingerprint']);
    expect(read({ 'session-name': ' build-42 ', 'account-id': ' 7 ', audience: ' api.coze.cn ' })).toMatchObject({
      sessionName: 'build-42',
      accountId: '7',
      audience: 'api.coze.cn',
    });
  });
});
