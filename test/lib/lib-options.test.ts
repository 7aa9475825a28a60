// The library refuses option names it does not know, before anything is signed or sent, and says which it meant.
import { describe, expect, it } from 'vitest';
import { MAX_SCOPE_DEPTH } from '../../src/core/config.ts';
import { explainError } from '../../src/core/errors.ts';
import { checkOptionNames, editDistance, LIBRARY_ALIASES, nearestName } from '../../src/core/option-names.ts';
import { ownEnvironment } from '../../src/core/own.ts';
import { CozeError, cozeTokenSource, InputError, mintCozeToken } from '../../src/lib/index.ts';
import { MINT_OPTIONS, ownOptions, settingsText } from '../../src/lib/options.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7477777777777', 'lib-options-kid');

const credentials = () => ({ appId, publicKeyId: kid, privateKey: keys.pkcs8 });
const ALL_MINT =
  'oauthConfig, appId, publicKeyId, privateKey, baseUrl, audience, durationSeconds, sessionName, scope, sessionContext, accountId, enterpriseId, expectedUserId, timeoutSeconds, deadlineSeconds, retries, verify, log';

/** What mintCozeToken throws for these options, and how many requests reached the stand-in meanwhile. */
async function refusal(options: object): Promise<{ error: unknown; sent: number }> {
  const before = standIn.requests.length;
  const error = await mintCozeToken(options as Parameters<typeof mintCozeToken>[0]).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return { error, sent: standIn.requests.length - before };
}

describe('unknown option names', () => {
  it("mintCozeToken({ baseURL }) (the SDK's spelling) is an InputError that names it and baseUrl; nothing is sent", async () => {
    const { error, sent } = await refusal({ ...credentials(), baseURL: standIn.url });
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      "Option 'baseURL': not an option of mintCozeToken; did you mean baseUrl?",
    );
    expect((error as InputError).inputs).toEqual(['baseURL']);
    expect(sent).toBe(0);
  });

  it('cozeTokenSource refuses them when it is made, and takes refreshSeconds, not verify', () => {
    const make = (extra: object) => () =>
      cozeTokenSource({ ...credentials(), ...extra } as Parameters<typeof cozeTokenSource>[0]);
    expect(make({ baseURL: standIn.url })).toThrow(InputError);
    expect(make({ baseURL: standIn.url })).toThrow(
      "Option 'baseURL': not an option of cozeTokenSource; did you mean baseUrl?",
    );
    expect(make({ refresh: 30 })).toThrow(
      "Option 'refresh': not an option of cozeTokenSource; did you mean refreshSeconds?",
    );
    expect(make({ verify: true })).toThrow(
      /^Option 'verify': not an option of cozeTokenSource; it takes oauthConfig, appId, .*, log, refreshSeconds$/,
    );
    expect(make({ baseUrl: standIn.url, refreshSeconds: 30 })).not.toThrow();
  });

  it("a token source's own mints take its options, refreshSeconds included", async () => {
    const source = cozeTokenSource({ ...credentials(), baseUrl: standIn.url, refreshSeconds: 30 });
    expect(standIn.issued.has(await source())).toBe(true);
  });

  it('names every unknown option at once, with the meant name where there is one and the list where there is not', async () => {
    const { error } = await refusal({ ...credentials(), appID: appId, base_url: standIn.url, timeout: 5, token: 'x' });
    expect((error as Error).message).toBe(
      `Options 'appID', 'base_url', 'timeout' and 'token': not options of mintCozeToken; did you mean appId for appID, baseUrl for base_url, timeoutSeconds for timeout? It takes ${ALL_MINT}`,
    );
    const { error: none } = await refusal({ ...credentials(), refreshSeconds: 60 });
    expect((none as Error).message).toBe(
      `Option 'refreshSeconds': not an option of mintCozeToken; it takes ${ALL_MINT}`,
    );
  });

  it("shows a kebab-case name as given (not in the library's camelCase), and explains it the same on every surface", async () => {
    const { error } = await refusal({ ...credentials(), 'base-url': standIn.url });
    expect((error as Error).message).toBe("Option 'base-url': not an option of mintCozeToken; did you mean baseUrl?");
    expect(explainError(error, 'cli').problem).toBe((error as Error).message);
  });

  it('guesses from case, - and _, a typo or two, swapped letters, and the SDK getJWTToken spellings; not from far names', () => {
    const known = ['appId', 'publicKeyId', 'privateKey', 'baseUrl', 'audience', 'durationSeconds', 'retries', 'scope'];
    const guesses = Object.fromEntries(
      [
        'BASE_URL',
        'privatekey',
        'durationSecond',
        'duration',
        'retires',
        'keyid',
        'kid',
        'aud',
        'scop',
        'priv',
        'ret',
        'token',
        'sc',
      ].map((name) => [name, nearestName(name, known)]),
    );
    expect(guesses).toEqual({
      BASE_URL: 'baseUrl',
      privatekey: 'privateKey',
      durationSecond: 'durationSeconds',
      duration: 'durationSeconds',
      retires: 'retries',
      keyid: 'publicKeyId',
      kid: 'publicKeyId',
      aud: 'audience',
      scop: 'scope',
      priv: 'privateKey',
      ret: undefined,
      token: undefined,
      sc: undefined,
    });
    expect(nearestName('kid', ['appId'])).toBeUndefined();
    expect(nearestName('time', ['timeoutSeconds', 'timeoutMs'])).toBeUndefined();
  });

  it('counts edits as inserts, deletes, replacements and swaps of neighbours', () => {
    const pairs: Array<[string, string, number]> = [
      ['', '', 0],
      ['', 'abc', 3],
      ['abc', '', 3],
      ['abc', 'abc', 0],
      ['a', 'b', 1],
      ['ab', 'ba', 1],
      ['abc', 'acb', 1],
      ['abcd', 'badc', 2],
      ['ca', 'abc', 3],
      ['kitten', 'sitting', 3],
      ['xyzab', 'ab', 3],
      ['ab', 'xyzab', 3],
      ['abcdef', 'abcfed', 2],
      ['aab', 'aba', 1],
      ['baseurl', 'baseulr', 1],
      ['retries', 'retires', 1],
    ];
    expect(pairs.map(([a, b]) => editDistance(a, b))).toEqual(pairs.map(([, , edits]) => edits));
  });

  it('takes the first of two names equally near, and reads no name longer than 64 characters', () => {
    expect(nearestName('abx', ['abc', 'abd'])).toBe('abc');
    expect(nearestName('abx', ['abd', 'abc'])).toBe('abd');
    // - and _ fold away, so these are baseUrl but for their length.
    expect(nearestName(`${'_'.repeat(57)}baseUrl`, ['baseUrl'])).toBe('baseUrl');
    expect(nearestName(`${'_'.repeat(58)}baseUrl`, ['baseUrl'])).toBeUndefined();
  });

  it("maps every other tool's name to the option it means, and nothing else", () => {
    expect(Object.keys(LIBRARY_ALIASES)).toHaveLength(51);
    expect(LIBRARY_ALIASES).toMatchObject({ kid: 'publicKeyId', aud: 'audience', 'config-file': 'oauthConfig' });
    expect(Object.values(LIBRARY_ALIASES).every((name) => /^[a-z][A-Za-z]+$/.test(name))).toBe(true);
  });

  it('names a blank option name as it is', () => {
    expect(() => checkOptionNames({ ' ': 1 }, ['appId'], 'mintCozeToken')).toThrow(
      expect.objectContaining({ inputs: [''] }),
    );
  });

  it('never shows a value, and shows a strange name on one line, cut short', async () => {
    const secret = 'czs_thisMustNeverBeShownAnywhere0000';
    const { error } = await refusal({
      ...credentials(),
      baseUrl: standIn.url,
      [`line\nbreak${'x'.repeat(100)}`]: secret,
    });
    const { message } = error as Error;
    expect(message).not.toContain(secret);
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Option 'line breakx{54}…': not an option of mintCozeToken; it takes /);
  });

  it('refuses options that are not an object', async () => {
    for (const options of [null, 'appId']) {
      const { error } = await refusal(options as unknown as object);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe("Option 'options': expected an object of mintCozeToken's options");
    }
  });

  it('still mints with known options only', async () => {
    const minted = await mintCozeToken({ ...credentials(), baseUrl: standIn.url, verify: true });
    expect(standIn.issued.has(minted.token)).toBe(true);
    expect(CozeError).toBeDefined();
  });
});

describe('option types and sizes, checked before any work', () => {
  it('refuses a value of another type, naming the option and both types; nothing is sent', async () => {
    const cases: Array<[object, string]> = [
      [{ durationSeconds: '600' }, "Option 'durationSeconds': expected a number, not a string"],
      [{ verify: 'yes' }, "Option 'verify': expected true or false, not a string"],
      [{ appId: 7477777777777 }, "Option 'appId': expected a string, not a number"],
      [{ scope: ['Connector.botChat'] }, "Option 'scope': expected an object, not an array"],
      [{ scope: null }, "Option 'scope': expected an object, not null"],
      [{ durationSeconds: null }, "Option 'durationSeconds': expected a number, not null"],
      [{ appId: {} }, "Option 'appId': expected a string, not an object"],
      [{ log: 'console' }, "Option 'log': expected a function, not a string"],
      [{ retries: true }, "Option 'retries': expected a number, not a boolean"],
    ];
    for (const [extra, message] of cases) {
      const { error, sent } = await refusal({ ...credentials(), baseUrl: standIn.url, ...extra });
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(message);
      expect(sent).toBe(0);
    }
    expect(() => cozeTokenSource({ ...credentials(), refreshSeconds: '30' } as never)).toThrow(
      "Option 'refreshSeconds': expected a number, not a string",
    );
  });

  it('takes an option given as undefined for one not given', async () => {
    // As a JavaScript caller may write it (the types leave such options out).
    const options = { ...credentials(), baseUrl: standIn.url, retries: undefined, log: undefined };
    const minted = await mintCozeToken(options as unknown as Parameters<typeof mintCozeToken>[0]);
    expect(standIn.issued.has(minted.token)).toBe(true);
  });

  it('copies an object option as JSON whole, null included, as deep as a setting takes and no deeper', () => {
    const nested = (levels: number, make: (inner: unknown) => unknown): unknown =>
      levels === 1 ? make(1) : make(nested(levels - 1, make));
    const inObject = (inner: unknown) => ({ a: inner });
    const inArray = (inner: unknown) => [inner];
    const text = (scope: unknown) => settingsText({ scope })('scope');
    expect(text({ a: null, b: [null, 'x'] })).toBe('{"a":null,"b":[null,"x"]}');
    expect(text(nested(MAX_SCOPE_DEPTH + 1, inObject))).toBe(JSON.stringify(nested(MAX_SCOPE_DEPTH + 1, inObject)));
    expect(text({ a: nested(MAX_SCOPE_DEPTH, inArray) })).toBe(JSON.stringify({ a: nested(MAX_SCOPE_DEPTH, inArray) }));
    const refused = `Input 'scope': expected a JSON object nested at most ${MAX_SCOPE_DEPTH} levels deep, without cycles`;
    expect(() => text(nested(MAX_SCOPE_DEPTH + 2, inObject))).toThrow(refused);
    expect(() => text({ a: nested(MAX_SCOPE_DEPTH + 1, inArray) })).toThrow(refused);
  });

  it('refuses a privateKey over 64 KiB at once, as the CLI does, however large', async () => {
    for (const size of [64 * 1024 + 1, 20 * 1024 * 1024]) {
      const started = performance.now();
      const { error, sent } = await refusal({
        ...credentials(),
        privateKey: `${keys.pkcs8}\n${'A'.repeat(size)}`,
        baseUrl: standIn.url,
      });
      expect(performance.now() - started).toBeLessThan(2000);
      expect((error as Error).message).toBe(
        "Option 'privateKey': holds more than 64 KiB, which is no private key (a PEM is a few KiB)",
      );
      expect(sent).toBe(0);
    }
  });
});

describe('a host process whose Object.prototype was polluted', () => {
  it('reads only own options: nothing inherited reaches the config, the checks or the library', () => {
    const inherited = {
      baseUrl: 'https://evil.invalid',
      audience: 'evil',
      verify: true,
      log: 'x',
      durationSeconds: 'x',
      scope: 'x',
    };
    for (const [name, value] of Object.entries(inherited)) {
      Object.defineProperty(Object.prototype, name, { value, configurable: true, writable: true });
    }
    let own: Record<string, unknown>;
    try {
      // Synchronous, so that nothing else in this process runs while the prototype is polluted.
      own = ownOptions({ ...credentials() }, MINT_OPTIONS, 'mintCozeToken');
    } finally {
      for (const name of Object.keys(inherited)) delete (Object.prototype as Record<string, unknown>)[name];
    }
    const read = settingsText(own);
    expect([read('base-url'), read('audience'), read('duration-seconds'), read('scope'), read('app-id')]).toEqual([
      '',
      '',
      '',
      '',
      appId,
    ]);
    expect(Object.getPrototypeOf(own)).toBeNull();
    expect(Object.keys(own)).toEqual(['appId', 'publicKeyId', 'privateKey']);
  });
});

describe('a polluted toJSON or environment', () => {
  it("never hands a config's private_key to a toJSON on Object.prototype, nor reads a variable nobody set", () => {
    const seen: unknown[] = [];
    const config = { client_type: 'jwt', client_id: appId, public_key_id: kid, private_key: keys.pkcs8, nested: [{}] };
    Object.defineProperty(Object.prototype, 'toJSON', {
      value(this: unknown) {
        seen.push(this);
        return this;
      },
      configurable: true,
      writable: true,
    });
    Object.defineProperty(Object.prototype, 'COZE_API_BASE', { value: 'https://evil.invalid', configurable: true });
    let text: string;
    let environment: Record<string, string | undefined>;
    try {
      text = settingsText(ownOptions({ oauthConfig: config }, MINT_OPTIONS, 'mintCozeToken'))('oauth-config');
      environment = ownEnvironment({});
    } finally {
      delete (Object.prototype as Record<string, unknown>).toJSON;
      delete (Object.prototype as Record<string, unknown>).COZE_API_BASE;
    }
    expect(seen).toEqual([]);
    expect(JSON.parse(text)).toEqual(config);
    expect(environment.COZE_API_BASE).toBeUndefined();
  });
});

describe("InputError in the library's names", () => {
  it('lists the options as the message names them, in camelCase', async () => {
    const { error } = await refusal({ appId, baseUrl: standIn.url, durationSeconds: 0 });
    expect((error as Error).message).toBe(
      "Options 'publicKeyId' and 'privateKey': are required: the public key's fingerprint (公钥指纹) from the Coze console; the app's private key (PEM) that the Coze console let you download",
    );
    expect((error as InputError).inputs).toEqual(['publicKeyId', 'privateKey']);
    const { error: range } = await refusal({ ...credentials(), baseUrl: standIn.url, durationSeconds: 0 });
    expect((range as InputError).inputs).toEqual(['durationSeconds']);
  });

  it('points a name from another tool to the option it means', async () => {
    const { error } = await refusal({ appId, keyId: kid, privateKey: keys.pkcs8, baseUrl: standIn.url });
    expect((error as Error).message).toBe("Option 'keyId': not an option of mintCozeToken; did you mean publicKeyId?");
  });
});

describe("Coze's JWT app features, as options", () => {
  const file = () => ({
    client_type: 'jwt',
    client_id: appId,
    public_key_id: kid,
    private_key: keys.pkcs8,
    coze_api_base: standIn.url,
  });

  it('mints from oauthConfig as the object or its text, with sessionContext and expectedUserId', async () => {
    for (const oauthConfig of [file(), JSON.stringify(file())]) {
      const sessionContext = { connector_info: { connector_id: '2001' } };
      const minted = await mintCozeToken({
        oauthConfig,
        sessionContext,
        verify: true,
        expectedUserId: '7400000000000000001',
      });
      expect(standIn.issued.has(minted.token)).toBe(true);
      expect(standIn.requests.findLast((request) => request.claims)?.claims?.session_context).toEqual(sessionContext);
    }
  });

  it('names the options in its own words when they disagree or want verify', async () => {
    const { error } = await refusal({ oauthConfig: file(), appId: '7000000000000' });
    expect((error as InputError).inputs).toEqual(['oauthConfig', 'appId']);
    expect((error as Error).message).toMatch(
      /^Options 'oauthConfig' and 'appId': disagree: the file's client_id is another app than appId/,
    );
    const { error: noVerify, sent } = await refusal({ oauthConfig: file(), expectedUserId: '7400000000000000001' });
    expect((noVerify as Error).message).toBe(
      "Option 'expectedUserId': needs verify: true: only /v1/users/me tells the user",
    );
    expect(sent).toBe(0);
    const { error: wrongType } = await refusal({ oauthConfig: 7 });
    expect((wrongType as Error).message).toBe(
      "Option 'oauthConfig': expected the JSON text or an object, not a number",
    );
  });
});

describe("a runner clock that is off Coze's, in the library", () => {
  it('tells log by how much, and mints all the same', async () => {
    standIn.setClock(10 * 60 * 1000);
    const said: string[] = [];
    try {
      const minted = await mintCozeToken({ ...credentials(), baseUrl: standIn.url, log: (line) => said.push(line) });
      expect(standIn.issued.has(minted.token)).toBe(true);
    } finally {
      standIn.setClock(0);
    }
    expect(said).toContainEqual(expect.stringMatching(/^The runner's clock is 10 min behind Coze's.*NTP/));
  });
});

describe("what the library's errors never show", () => {
  it('names the app id Coze repeats back as [appId], and no slice of the key', async () => {
    standIn.deactivate();
    let error: unknown;
    try {
      ({ error } = await refusal({ ...credentials(), baseUrl: standIn.url, retries: 0 }));
    } finally {
      standIn.deactivate(false);
    }
    expect((error as CozeError).message).toContain('app: [appId] is currently deactivated by the owner');
    expect(JSON.stringify([(error as Error).message, (error as CozeError).details])).not.toContain(appId);
  });
});
