// The CLI's key and config files read directly: one source at a time, what looks like a key, and the read's bounds.
import { describe, expect, it } from 'vitest';
import {
  type ByteSource,
  inSecretSources,
  type KeyIo,
  type ReadWithin,
  readOAuthConfig,
  readPrivateKey,
  type SecretSources,
} from '../../src/cli/key-file.ts';
import { InputError } from '../../src/core/errors.ts';
import { MAX_PRIVATE_KEY_LENGTH } from '../../src/core/private-key.ts';

const missing = (code = 'ENOENT'): ByteSource => ({
  [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(Object.assign(new Error(code), { code })) }),
});
const bytes = (...chunks: string[]): ByteSource => ({
  async *[Symbol.asyncIterator]() {
    for (const chunk of chunks) yield chunk;
  },
});

/** A deadline of whole seconds with all of them left. */
const within = (ms: number): ReadWithin => ({ leftMs: ms, seconds: Math.ceil(ms / 1000) });

function keyIo(env: Record<string, string> = {}, open: (path: string) => ByteSource = () => missing()): KeyIo {
  return { env, stdin: () => bytes('stdin key'), openFile: open };
}
/** What readPrivateKey from a file at `path` refuses with: its expected text, or 'read' when it read the file. */
async function refusal(path: string, code = 'ENOENT'): Promise<string> {
  const read = readPrivateKey(
    undefined,
    path,
    keyIo({}, () => missing(code)),
    within(5000),
  );
  return read.then(
    () => 'read',
    (error: InputError) => error.expected,
  );
}
const LOOKS_LIKE_A_KEY = /looks like a key rather than a path, so it is not repeated here/;

describe('readPrivateKey', () => {
  it('names the remedy for each mix of sources, in the singular or the plural', async () => {
    const io = keyIo({ COZE_PRIVATE_KEY: 'k', COZE_PRIVATE_KEY_FILE: 'k.pem' });
    await expect(readPrivateKey(undefined, 'f.pem', io, within(5000))).rejects.toMatchObject({
      inputs: ['--private-key-file', 'COZE_PRIVATE_KEY_FILE', 'COZE_PRIVATE_KEY'],
      expected: 'each give the private key: use one of them (unset the environment variables, or drop the option)',
    });
    await expect(readPrivateKey('-', 'f.pem', keyIo({ COZE_PRIVATE_KEY: 'k' }), within(5000))).rejects.toMatchObject({
      expected: 'each give the private key: use one of them (unset the environment variable, or drop the options)',
    });
  });

  it('takes a key of blanks for an empty one', async () => {
    const io = { ...keyIo(), stdin: () => bytes(' \n\t ') };
    await expect(readPrivateKey('-', undefined, io, within(5000))).rejects.toMatchObject({
      expected: 'gave an empty private key: expected the PEM private key the Coze console let you download',
    });
  });

  it('takes text longer than any path for a key, and a path of 4,096 characters for a path', async () => {
    expect(await refusal('a/'.repeat(2048))).toMatch(/^cannot read "/);
    expect(await refusal(`${'a/'.repeat(2048)}b`)).toMatch(LOOKS_LIKE_A_KEY);
  });

  it('takes 40 or more base64 characters with a digit, an upper and a lower case letter for a key, alone or between slashes', async () => {
    const run = 'Ab1'.repeat(13);
    expect(await refusal(`${run}A`)).toMatch(LOOKS_LIKE_A_KEY);
    expect(await refusal(`keys/${run}A/x.pem`)).toMatch(LOOKS_LIKE_A_KEY);
    for (const path of [
      run,
      'ab1'.repeat(14),
      'AB1'.repeat(14),
      'Abc'.repeat(14),
      `!${run}A`,
      `${run}A!`,
      `keys/${run}A.pem`,
    ]) {
      expect([path, await refusal(path)]).toEqual([path, expect.stringMatching(/^cannot read "/)]);
    }
    for (const armour of ['-----BEGIN', '-----END', 'a PRIVATE KEY', 'key\r', 'key\n.pem']) {
      expect(await refusal(armour)).toMatch(LOOKS_LIKE_A_KEY);
    }
  });

  it("shows a code Node gives only when it looks like one of Node's", async () => {
    expect(await refusal('x.pem', 'EIO')).toBe(
      'cannot read "x.pem": it cannot be read (EIO); expected a readable file holding the PEM private key',
    );
    for (const code of ['XEIO', 'EIO1', 'eIO']) {
      expect(await refusal('x.pem', code)).toMatch(/^cannot read "x\.pem": it cannot be read; expected/);
    }
  });

  it('says in words why a file could not be read, for each code Node gives', async () => {
    const reasons: Array<[string, string]> = [
      ['ENOENT', 'there is no such file'],
      ['ENOTDIR', 'a part of the path is not a folder'],
      ['EISDIR', 'it is a folder, not a file'],
      ['EACCES', 'permission denied'],
      ['EPERM', 'permission denied'],
      ['ELOOP', 'the path has a loop of symbolic links'],
      ['ENAMETOOLONG', 'the path is too long'],
    ];
    for (const [code, reason] of reasons) {
      expect(await refusal('x.pem', code)).toBe(
        `cannot read "x.pem": ${reason}; expected a readable file holding the PEM private key`,
      );
    }
    // A path of blanks shows as nothing: the gate leaves no blank text.
    expect(await refusal('   ')).toBe(
      'cannot read "": there is no such file; expected a readable file holding the PEM private key',
    );
  });

  it('shows a key path with a brace in it, which only a config file of JSON text would have', async () => {
    expect(await refusal('keys/{app}.pem')).toBe(
      'cannot read "keys/{app}.pem": there is no such file; expected a readable file holding the PEM private key',
    );
  });

  it(`reads ${MAX_PRIVATE_KEY_LENGTH} bytes, and stops at the first byte past them, even of a source that never ends`, async () => {
    const exactly = { ...keyIo(), stdin: () => bytes('A'.repeat(MAX_PRIVATE_KEY_LENGTH - 1), 'B') };
    expect((await readPrivateKey('-', undefined, exactly, within(5000))).text).toHaveLength(MAX_PRIVATE_KEY_LENGTH);
    const endless: ByteSource = {
      async *[Symbol.asyncIterator]() {
        for (;;) yield 'A'.repeat(16 * 1024);
      },
    };
    await expect(
      readPrivateKey('-', undefined, { ...keyIo(), stdin: () => endless }, within(2000)),
    ).rejects.toMatchObject({
      expected: 'holds more than 64 KiB, which is no private key (a PEM is a few KiB)',
    });
  });

  it('waits for a slow source while time is left, and ends it whether it was read or given up on', async () => {
    let returned = 0;
    const slow = (chunks: string[], endless = false): ByteSource => ({
      [Symbol.asyncIterator]: () => ({
        next: () =>
          new Promise((resolve) =>
            setTimeout(() => {
              const value = chunks.shift();
              resolve(value === undefined && !endless ? { done: true, value: undefined } : { done: false, value: 'x' });
            }, 20),
          ),
        return: async () => (returned++, { done: true, value: undefined }),
      }),
    });
    const io = { ...keyIo(), stdin: () => slow(['a', 'b']) };
    expect((await readPrivateKey('-', undefined, io, within(5000))).text).toBe('xx');
    await expect(
      readPrivateKey('-', undefined, { ...keyIo(), stdin: () => slow([], true) }, within(100)),
    ).rejects.toMatchObject({ expected: expect.stringMatching(/^gave no end of the key within/) });
    expect(returned).toBe(2);
    // Nothing of the read is left to keep the process alive, its timer least of all.
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    expect((await readPrivateKey('-', undefined, keyIo(), within(60_000))).text).toBe('stdin key');
    expect(timers()).toBe(before);
    // A hand-made source whose return() gives no promise is read all the same.
    const syncReturn: ByteSource = {
      [Symbol.asyncIterator]: () => {
        let given = false;
        return {
          next: async () => (given ? { done: true, value: undefined } : ((given = true), { done: false, value: 'k' })),
          return: (() => undefined) as never,
        };
      },
    };
    expect((await readPrivateKey('-', undefined, { ...keyIo(), stdin: () => syncReturn }, within(5000))).text).toBe(
      'k',
    );
    // A source without return() is read all the same.
    const plain: ByteSource = {
      [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }),
    };
    await expect(
      readPrivateKey('-', undefined, { ...keyIo(), stdin: () => plain }, within(5000)),
    ).rejects.toMatchObject({
      expected: expect.stringMatching(/^gave an empty private key/),
    });
  });
});

describe('readOAuthConfig', () => {
  it('names the file, not the key, when it gives no end in time', async () => {
    const endless: ByteSource = { [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => {}) }) };
    await expect(
      readOAuthConfig(
        'c.json',
        keyIo({}, () => endless),
        { leftMs: 50, seconds: 3 },
      ),
    ).rejects.toMatchObject({
      // The deadline as the user set it, not the time left of it.
      expected: 'gave no end of the file within ⟦deadline-seconds=3⟧: expected a file or input that ends',
    });
  });

  it('gives the text with where it came from, and no source when there is none', async () => {
    const time = within(5000);
    expect(await readOAuthConfig(undefined, keyIo(), time)).toStrictEqual({ source: undefined, text: '' });
    const fromVariable = await readOAuthConfig(undefined, keyIo({ COZE_OAUTH_CONFIG: '{}' }), time);
    expect(fromVariable).toStrictEqual({ source: 'COZE_OAUTH_CONFIG', text: '{}' });
    const fromFile = await readOAuthConfig(
      'c.json',
      keyIo({}, () => bytes('{"a":1}')),
      time,
    );
    expect(fromFile).toStrictEqual({ source: '--oauth-config-file', text: '{"a":1}' });
  });

  it('takes a file of blanks for an empty one', async () => {
    const io = keyIo({}, () => bytes('  \n'));
    await expect(readOAuthConfig('c.json', io, within(5000))).rejects.toMatchObject({
      inputs: ['--oauth-config-file'],
      expected: 'gave an empty file: expected the coze_oauth_config.json the Coze console gives',
    });
  });
});

describe('inSecretSources', () => {
  const fail = (error: Error) => () => {
    throw error;
  };
  /** A secret read from `source`; what it holds does not matter here. */
  const from = (source: string) => ({ source, text: '' });
  const key = { 'private-key': from('COZE_PRIVATE_KEY') };

  it('names a problem of the key or the config file by its source, and leaves every other error as it is', () => {
    expect(() => inSecretSources(key, fail(new InputError('private-key', 'expected a key')))).toThrow(
      expect.objectContaining({ inputs: ['COZE_PRIVATE_KEY'], expected: 'expected a key' }),
    );
    const config = { 'oauth-config': from('--oauth-config-file') };
    expect(() => inSecretSources(config, fail(new InputError('oauth-config', 'bad field')))).toThrow(
      expect.objectContaining({ inputs: ['--oauth-config-file'], expected: 'bad field' }),
    );
    const untouched: Array<[SecretSources, Error]> = [
      [{}, new InputError('private-key', 'expected a key')],
      [config, new InputError('private-key', 'expected a key')],
      [key, new InputError(['private-key', 'oauth-config'], 'disagree')],
      [key, new InputError('app-id', 'expected digits')],
      [key, new InputError('hasOwnProperty', 'expected digits')],
      [key, new TypeError('a bug')],
    ];
    for (const [sources, error] of untouched) {
      let caught: unknown;
      try {
        inSecretSources(sources, fail(error));
      } catch (thrown) {
        caught = thrown;
      }
      expect(caught).toBe(error);
    }
    expect(inSecretSources(key, () => 'read')).toBe('read');
  });

  it("tells a file's name in a variable that takes the text where a name goes, and only there", () => {
    const named = (sources: SecretSources, input: 'private-key' | 'oauth-config', expected: string) => {
      try {
        inSecretSources(sources, fail(new InputError(input, expected)));
      } catch (error) {
        return (error as InputError).expected;
      }
    };
    expect(named(key, 'private-key', 'is the name of a key file, not the key; expected a PEM')).toBe(
      "is the name of a key file, not the key; expected a PEM; a file's name goes to --private-key-file (or " +
        'COZE_PRIVATE_KEY_FILE)',
    );
    expect(named({ 'oauth-config': from('COZE_OAUTH_CONFIG') }, 'oauth-config', 'is the name of a .json file')).toBe(
      "is the name of a .json file; a file's name goes to --oauth-config-file",
    );
    expect(named(key, 'private-key', 'expected a PEM, not the name of a file')).toBe(
      'expected a PEM, not the name of a file',
    );
    expect(named({ 'private-key': from('--private-key -') }, 'private-key', 'is the name of a key file')).toBe(
      'is the name of a key file',
    );
  });
});
