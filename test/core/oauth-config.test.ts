// coze_oauth_config.json: parsed field by field, merged with the settings beside it, and its secrets listed.
import { describe, expect, it } from 'vitest';
import { oauthConfigIds } from '../../src/core/credentials.ts';
import { InputError } from '../../src/core/errors.ts';
import {
  mergeOAuthConfig,
  oauthConfigObject,
  oauthConfigSecrets,
  parseOAuthConfig,
} from '../../src/core/oauth-config.ts';
import { MAX_PRIVATE_KEY_LENGTH } from '../../src/core/private-key.ts';
import { makeRsaKeys, pemBody, secretSlices } from '../support/keys.ts';

const keys = makeRsaKeys();
const other = makeRsaKeys();
const APP_ID = '1183520381944';
const KID = 'kidFingerprint0123456789abcdef';
/** As the Coze console writes it: two-space JSON, the key's lines as \n escapes. */
const file = {
  client_type: 'jwt',
  client_id: APP_ID,
  coze_www_base: 'https://www.coze.cn',
  coze_api_base: 'https://api.coze.cn',
  private_key: keys.pkcs8,
  public_key_id: KID,
};
const text = (config: object = file) => JSON.stringify(config, null, 2);

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('no InputError');
}

/** The message names oauth-config and never quotes the key, the id or the fingerprint. */
function refused(input: string | Record<string, unknown>, expected: RegExp): void {
  const error = refusal(() => parseOAuthConfig(input));
  expect(error.inputs).toEqual(['oauth-config']);
  expect(error.expected).toMatch(expected);
  for (const piece of [...secretSlices(keys.pkcs8), APP_ID, KID]) expect(error.message).not.toContain(piece);
}

describe('parseOAuthConfig', () => {
  it("reads the console's file, as text or as its object: the app id, the fingerprint, the key, the site", () => {
    const expected = { appId: APP_ID, publicKeyId: KID, privateKey: keys.pkcs8, baseUrl: 'https://api.coze.cn' };
    expect(parseOAuthConfig(text())).toStrictEqual(expected);
    expect(parseOAuthConfig({ ...file })).toStrictEqual(expected);
    const { coze_api_base: _, coze_www_base: __, ...bare } = file;
    expect(
      parseOAuthConfig(text({ ...bare, private_key: keys.pkcs1, client_id: ` ${APP_ID}\n`, extra: ['x'] })),
    ).toStrictEqual({
      appId: APP_ID,
      publicKeyId: KID,
      privateKey: keys.pkcs1,
    });
    expect(parseOAuthConfig(text({ ...file, coze_api_base: 'https://api.coze.com/' })).baseUrl).toBe(
      'https://api.coze.com',
    );
  });

  it('refuses a file that is not a JSON object, saying when it looks cut short', () => {
    const whole = text();
    refused(
      '',
      /^is empty; expected the coze_oauth_config\.json the Coze console gives a JWT \(service\) app, as JSON text$/,
    );
    refused(' \n', /^is empty/);
    refused(
      whole.slice(0, whole.indexOf('MII') + 40),
      /^is not valid JSON; .*; it ends inside a string or before its closing brace, so it looks truncated$/,
    );
    refused(whole.slice(0, -1), /looks truncated/);
    refused(whole.replace(`"${APP_ID}"`, APP_ID.replace('1', 'x')), /^is not valid JSON; expected .* as JSON text$/);
    for (const path of ['/tmp/ci/coze_oauth_config.json', ' C:\\keys\\coze.JSON\n', 'coze_oauth_config.json']) {
      refused(path, /^is the name of a \.json file, not its text; expected .* as JSON text$/);
    }
    refused('{"a": "b.json"', /^is not valid JSON/);
    refused('/tmp/a\nb.json', /^is not valid JSON/);
    refused(`[${whole}]`, /^is JSON but an array, not an object/);
    refused('"jwt"', /^is JSON but a string, not an object/);
    refused('null', /^is JSON but null/);
    refused(['x'] as unknown as Record<string, unknown>, /^is an array; expected/);
    refused(null as unknown as Record<string, unknown>, /^is null; expected/);
  });

  it('is bounded like the key: past 64 KiB nothing is read, and the nesting is looked at before any parse', () => {
    const padded = (length: number) => {
      const base = text({ ...file, padding: '' });
      return base.replace('"padding": ""', `"padding": "${'p'.repeat(length - base.length)}"`);
    };
    expect(padded(MAX_PRIVATE_KEY_LENGTH)).toHaveLength(MAX_PRIVATE_KEY_LENGTH);
    expect(parseOAuthConfig(padded(MAX_PRIVATE_KEY_LENGTH)).appId).toBe(APP_ID);
    refused(padded(MAX_PRIVATE_KEY_LENGTH + 1), /^holds more than 64 KiB, which no coze_oauth_config\.json does$/);
    expect(parseOAuthConfig(text({ ...file, extra: [[{}]] })).appId).toBe(APP_ID);
    refused(text({ ...file, extra: [[[{}]]] }), /^nests deeper than coze_oauth_config\.json ever does/);
  });

  it('names the field that is missing, of another type, or of another kind of app', () => {
    for (const name of ['client_type', 'client_id', 'public_key_id', 'private_key']) {
      const { [name as keyof typeof file]: _, ...without } = file;
      refused(text(without), new RegExp(`^has no ${name} \\(`));
      refused({ ...file, [name]: undefined }, new RegExp(`^has no ${name} `));
    }
    refused(
      text({ ...file, client_id: Number(APP_ID) }),
      /^has a client_id that is a number, not a string \(the OAuth app's id\)$/,
    );
    refused(text({ ...file, public_key_id: [KID] }), /^has a public_key_id that is an array, not a string/);
    refused(text({ ...file, private_key: { pem: keys.pkcs8 } }), /^has a private_key that is an object, not a string/);
    refused(text({ ...file, coze_www_base: false }), /^has a coze_www_base that is a boolean, not a string/);
    refused(text({ ...file, coze_api_base: null }), /^has a coze_api_base that is null, not a string/);
    refused(
      text({ ...file, client_type: 'web' }),
      /^has a client_type other than "jwt": it is another kind of app's file; expected/,
    );
    refused(text({ ...file, client_type: 'JWT ' }), /^has a client_type other than "jwt"/);
  });

  it('checks each field as the setting it stands for is checked', () => {
    refused(
      text({ ...file, client_id: `${APP_ID} 2` }),
      /^has a client_id that is no id: expected the OAuth app's id, without spaces$/,
    );
    refused(
      text({ ...file, public_key_id: '' }),
      /^has a public_key_id that is no id: expected the public key's fingerprint/,
    );
    refused(
      text({ ...file, private_key: keys.pkcs8.replace(/-----END[\s\S]*/, '') }),
      /^has a private_key that is not usable: expected an RSA private key .*truncated/,
    );
    const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    refused(text({ ...file, private_key: publicPem }), /^has a private_key that is not usable: .*this is a public key/);
    refused(
      text({ ...file, private_key: 'not a key' }),
      /^has a private_key that is not usable: expected an RSA private key in PEM form/,
    );
    refused(
      text({ ...file, coze_api_base: 'http://api.coze.cn' }),
      /^has a coze_api_base that is not usable: .*plain http:\/\/ is allowed only for localhost/,
    );
    refused(
      text({ ...file, coze_api_base: 'https://api.coze.cn/v1' }),
      /^has a coze_api_base that is not usable: .*without a path/,
    );
  });
});

describe('mergeOAuthConfig', () => {
  const config = parseOAuthConfig(text());

  it('takes settings beside the file that agree with it, however they are written, and ignores empty ones', () => {
    const agreeing = {
      appId: ` ${APP_ID} `,
      publicKeyId: KID,
      privateKey: keys.pkcs1,
      baseUrl: 'https://api.coze.cn/',
    };
    expect(mergeOAuthConfig(config, agreeing)).toStrictEqual(config);
    expect(mergeOAuthConfig(config, { appId: '', publicKeyId: ' ', privateKey: '\n', baseUrl: '' })).toStrictEqual(
      config,
    );
    expect(mergeOAuthConfig(config, {})).toStrictEqual(config);
  });

  it('takes base-url from beside a file that names no site, as given', () => {
    const { baseUrl: _, ...siteless } = config;
    expect(mergeOAuthConfig(siteless, { baseUrl: ' https://api.coze.com ' })).toStrictEqual({
      ...siteless,
      baseUrl: 'https://api.coze.com',
    });
    expect(mergeOAuthConfig(siteless, {})).toStrictEqual(siteless);
  });

  it('refuses a setting that disagrees, naming both and quoting neither', () => {
    const cases: Array<[object, string, string]> = [
      [
        { appId: '999' },
        'app-id',
        "disagree: the file's client_id is another app than ⟦app-id⟧; give ⟦oauth-config⟧ alone, or both with the same app",
      ],
      [
        { publicKeyId: 'kid-other' },
        'public-key-id',
        "disagree: the file's public_key_id is another key fingerprint than ⟦public-key-id⟧",
      ],
      [
        { privateKey: other.pkcs8 },
        'private-key',
        "disagree: the file's private_key is another key than ⟦private-key⟧",
      ],
      [
        { baseUrl: 'https://api.coze.com' },
        'base-url',
        "disagree: the file's coze_api_base is another site than ⟦base-url⟧",
      ],
    ];
    for (const [given, setting, expected] of cases) {
      const error = refusal(() => mergeOAuthConfig(config, given));
      expect(error.inputs).toEqual(['oauth-config', setting]);
      expect(error.expected.startsWith(expected)).toBe(true);
      expect(error.message).toMatch(new RegExp(`^Inputs 'oauth-config' and '${setting}': disagree`));
      for (const piece of [...secretSlices(keys.pkcs8), ...secretSlices(other.pkcs8), APP_ID, KID])
        expect(error.message).not.toContain(piece);
    }
  });

  it('leaves a broken setting beside the file to its own check', () => {
    expect(refusal(() => mergeOAuthConfig(config, { privateKey: 'not a key' })).inputs).toEqual(['private-key']);
    expect(refusal(() => mergeOAuthConfig(config, { baseUrl: 'ftp://api.coze.cn' })).inputs).toEqual(['base-url']);
  });
});

describe('oauthConfigSecrets', () => {
  const bodyLines = pemBody(keys.pkcs8).match(/.{1,64}/g) as string[];

  it('lists every line of the key, the app id and the fingerprint, from the text or the object', () => {
    for (const input of [text(), JSON.stringify(file), { ...file }]) {
      const secrets = oauthConfigSecrets(input);
      for (const line of [...bodyLines, pemBody(keys.pkcs8), APP_ID, KID]) expect(secrets).toContain(line);
      expect(secrets.every((secret) => secret.length >= 8)).toBe(true);
      expect(new Set(secrets).size).toBe(secrets.length);
    }
    // A good file's other lines (its site, its field names) are no secret, and stay readable where they are written.
    expect(oauthConfigSecrets(text()).filter((secret) => secret.includes('coze_api_base'))).toEqual([]);
    expect(oauthConfigSecrets(text().slice(0, -40))).toContain(text().slice(0, -40).trim());
  });

  it('lists nothing of the name of a .json file, which names the file rather than holding it', () => {
    expect(oauthConfigSecrets('/home/runner/work/_temp/coze_oauth_config.json')).toEqual([]);
    expect(oauthConfigSecrets(`${'a'.repeat(4091)}.json`)).toEqual([]);
    expect(oauthConfigSecrets(`${'a'.repeat(4097)}.json`)).not.toEqual([]);
  });

  it('lists the key lines of a file that does not parse, and nothing of one too long to be read', () => {
    const broken = text().slice(0, -40);
    const secrets = oauthConfigSecrets(broken);
    for (const line of bodyLines.slice(0, -2)) expect(secrets).toContain(line);
    expect(secrets).not.toContain(APP_ID);
    expect(oauthConfigSecrets(`${text()}${' '.repeat(MAX_PRIVATE_KEY_LENGTH)}`)).toEqual([]);
    expect(oauthConfigSecrets({ client_id: 7, public_key_id: 'short', private_key: null })).toEqual([]);
  });
});

describe('the edges of reading the file', () => {
  const padded = (config: string, length: number) => `${config}${' '.repeat(length - config.length)}`;
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('names each field it misses or cannot read with what the field holds', () => {
    const without = (name: string) => Object.fromEntries(Object.entries(file).filter(([key]) => key !== name));
    refused(without('client_type'), /^has no client_type \(the kind of OAuth app, "jwt"\);/);
    refused(
      { ...file, private_key: 7 },
      /^has a private_key that is a number, not a string \(the app's private key \(PEM\)\)$/,
    );
    refused(
      { ...file, coze_www_base: [] },
      /^has a coze_www_base that is an array, not a string \(the Coze web origin\)$/,
    );
    refused(
      { ...file, coze_api_base: null },
      /^has a coze_api_base that is null, not a string \(the Coze API origin\)$/,
    );
  });

  it('takes the site with blanks around it, and a byte order mark only in front', () => {
    expect(parseOAuthConfig({ ...file, coze_api_base: ' https://api.coze.com ' }).baseUrl).toBe('https://api.coze.com');
    expect(parseOAuthConfig(`\uFEFF${text()}`).appId).toBe(APP_ID);
    refused(
      text({ ...file, client_id: `${APP_ID.slice(0, 5)}\uFEFF${APP_ID.slice(5)}` }),
      /^has a client_id that is no id/,
    );
  });

  it('reads an object of up to 64 KiB and 4 levels for its names, and nothing beyond', () => {
    expect(oauthConfigObject(padded('{"a":1}', MAX_PRIVATE_KEY_LENGTH))).toEqual({ a: 1 });
    expect(oauthConfigObject(padded('{"a":1}', MAX_PRIVATE_KEY_LENGTH + 1))).toBeUndefined();
    expect(oauthConfigObject(nested(4))).toEqual({ a: { a: { a: { a: 1 } } } });
    expect(oauthConfigObject(nested(5))).toBeUndefined();
    expect(oauthConfigObject('\uFEFF{"a":"x"}')).toEqual({ a: 'x' });
    expect(oauthConfigObject('{"a":"x\uFEFF"}')).toEqual({ a: 'x\uFEFF' });
  });

  it('masks a text of up to 64 KiB, and each line of one that is no config', () => {
    expect(oauthConfigSecrets(padded(text(), MAX_PRIVATE_KEY_LENGTH))).toContain(APP_ID);
    expect(oauthConfigSecrets('a secret line, not JSON')).toEqual(['a secret line, not JSON']);
    expect(oauthConfigSecrets('{"private_key": 1234567890}')).toEqual(['{"private_key": 1234567890}']);
  });

  it('masks the ids trimmed, from 8 characters', () => {
    const secrets = oauthConfigSecrets({ client_id: ` ${APP_ID} `, public_key_id: ' 12345678 ' });
    expect(secrets).toEqual([APP_ID, '12345678']);
    expect(oauthConfigSecrets({ client_id: '1234567' })).toEqual([]);
  });
});

describe('oauthConfigIds', () => {
  it("reads the file's ids and site by name, own fields only, before the config is checked", () => {
    expect(oauthConfigIds(text())).toEqual({ appId: APP_ID, publicKeyId: KID, baseUrl: 'https://api.coze.cn' });
    const { client_id: _, public_key_id: __, ...withoutIds } = file;
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.client_id = '7400000000001';
    prototype.public_key_id = 'pollutedFingerprint0123456789';
    let read: ReturnType<typeof oauthConfigIds>;
    try {
      read = oauthConfigIds(text(withoutIds));
    } finally {
      delete prototype.client_id;
      delete prototype.public_key_id;
    }
    expect(read).toEqual({ baseUrl: 'https://api.coze.cn' });
    expect(oauthConfigIds(text({ ...file, client_id: '  ', coze_api_base: 'not a url' }))).toEqual({
      publicKeyId: KID,
    });
  });
});
