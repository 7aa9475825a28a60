// One message, three surfaces: a workflow's inputs, the command line's flags, the library's options.
import { describe, expect, it } from 'vitest';
import { KNOWN_ANSWERS } from '../../src/core/answers.ts';
import { CozeError, describeError, InputError, NetworkError } from '../../src/core/errors.ts';
import { deadlineFrom, sendWithRetries } from '../../src/core/retry.ts';
import { verifyToken } from '../../src/core/verify.ts';
import { libraryError } from '../../src/lib/errors.ts';
import { mintCozeToken } from '../../src/lib/index.ts';
import {
  inOAuthConfigTerms,
  inTermsOf,
  isEnvironmentVariable,
  type Surface,
  setting,
  term,
} from '../../src/safe-text/terms.ts';

describe('terms', () => {
  const text = `Raise ${term('deadline-seconds')}, check ${term('private-key')}, use ${setting('base-url', 'https://api.coze.com')} or ${setting('verify', 'false')}`;

  it('writes settings as each surface names them', () => {
    expect(inTermsOf('action', text)).toBe(
      'Raise deadline-seconds, check private-key, use base-url: https://api.coze.com or verify: false',
    );
    expect(inTermsOf('cli', text)).toBe(
      'Raise --deadline-seconds, check --private-key-file (or --private-key -, COZE_PRIVATE_KEY_FILE, COZE_PRIVATE_KEY), use --base-url https://api.coze.com or coze-token mint instead of check',
    );
    expect(inTermsOf('library', text)).toBe(
      "Raise deadlineSeconds, check privateKey, use baseUrl: 'https://api.coze.com' or verify: false",
    );
    expect(inTermsOf('cli', setting('verify', 'true'))).toBe('coze-token check');
    expect(inTermsOf('library', setting('retries', '3'))).toBe('retries: 3');
  });

  it('names one or several inputs in an InputError, per surface', () => {
    const one = new InputError('duration-seconds', `expected a number; see ${term('timeout-seconds')}`);
    expect(one.message).toBe("Input 'duration-seconds': expected a number; see timeout-seconds");
    expect(describeError(one, 'cli')).toBe('--duration-seconds: expected a number; see --timeout-seconds');
    const three = new InputError(['app-id', 'public-key-id', 'private-key'], 'are required');
    expect(three.input).toBe('app-id');
    expect(three.message).toBe("Inputs 'app-id', 'public-key-id' and 'private-key': are required");
    expect(describeError(three, 'cli')).toBe(
      '--app-id (or COZE_APP_ID), --public-key-id (or COZE_PUBLIC_KEY_ID) and --private-key-file (or --private-key -, COZE_PRIVATE_KEY_FILE, COZE_PRIVATE_KEY): are required',
    );
    expect((libraryError(three) as Error).message).toBe(
      "Options 'appId', 'publicKeyId' and 'privateKey': are required",
    );
    expect(describeError(new InputError(['app-id', 'base-url'], 'x'), 'cli')).toBe(
      '--app-id (or COZE_APP_ID) and --base-url (or COZE_API_BASE): x',
    );
    expect(describeError(new InputError('retries', 'x'), 'cli')).toBe('--retries: x');
  });

  it("rewrites a CozeError's and a NetworkError's message and hint for the library", () => {
    const coze = libraryError(
      new CozeError(`no at ${term('base-url')}`, {
        status: 401,
        hint: `try ${setting('base-url', 'https://api.coze.com')}`,
      }),
    ) as CozeError;
    expect(coze.message).toBe('no at baseUrl');
    expect(coze.details.hint).toBe("try baseUrl: 'https://api.coze.com'");
    const network = libraryError(
      new NetworkError(`within ${term('deadline-seconds')}`, `raise ${term('retries')}`),
    ) as NetworkError;
    expect([network.message, network.hint]).toEqual(['within deadlineSeconds', 'raise retries']);
    const bare = libraryError(new CozeError(`at ${term('base-url')}`)) as CozeError;
    expect([bare.message, bare.details]).toEqual(['at baseUrl', {}]);
    const other = new TypeError(`kept ${term('base-url')}`);
    expect(libraryError(other)).toBe(other);
    expect(other.message).toBe('kept baseUrl');
  });

  it('the library names every missing option at once, in its own words', async () => {
    await expect(mintCozeToken({ appId: '', publicKeyId: '', privateKey: '' })).rejects.toThrow(
      "Options 'appId', 'publicKeyId' and 'privateKey': are required: the OAuth app's id from the Coze console; the public key's fingerprint (公钥指纹) from the Coze console; the app's private key (PEM) that the Coze console let you download",
    );
  });

  it('renders every hint of the answers table whole, on every surface: no setting left unnamed', () => {
    const surfaces: Surface[] = ['action', 'cli', 'library'];
    for (const known of KNOWN_ANSWERS) {
      const hint = known.hint({ status: 400 }, { baseUrl: 'https://api.coze.cn' });
      for (const surface of surfaces) {
        const text = inTermsOf(surface, hint);
        expect(text, known.label).not.toMatch(/⟦|⟧|--(?![a-z])|--[a-z-]*-(?![a-z])/);
      }
    }
  });

  it('quotes a library setting unless it is a boolean or a whole number', () => {
    for (const [value, shown] of [
      ['12', '12'],
      ['false', 'false'],
      ['x1', "'x1'"],
      ['1x', "'1x'"],
      ['truex', "'truex'"],
      ['12.5', "'12.5'"],
    ]) {
      expect(inTermsOf('library', setting('retries', value as string))).toBe(`retries: ${shown}`);
    }
  });

  it("words the 4101 hint of the check for each surface: the CLI's way to skip the check is mint", async () => {
    const send = async () => ({ status: 403, headers: {}, body: JSON.stringify({ code: 4101, msg: 'no permission' }) });
    const deps = { send, userAgent: 'test', sleep: async () => {}, random: () => 0, now: Date.now, log: () => {} };
    const error = await verifyToken(
      'czs_xxxxxxxxxxxxxxxx',
      { baseUrl: 'https://api.coze.cn', timeoutMs: 1000, retries: 0, deadlineMs: 5000 },
      deps,
    ).catch((e: unknown) => e);
    expect(describeError(error, 'cli')).toMatch(/or do without the check \(coze-token mint instead of check\)$/);
    expect(describeError(error, 'action')).toMatch(/or do without the check \(verify: false\)$/);
  });

  it('words the network hint in CLI terms when attempts run out', async () => {
    const deps = { sleep: async () => {}, random: () => 0, now: Date.now, log: () => {} };
    const refused = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    const policy = { retries: 0, timeoutMs: 1000, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 };
    const error = await sendWithRetries(
      () => Promise.reject(refused),
      'Token request',
      policy,
      deps,
      deadlineFrom(5000, Date.now()),
    ).catch((e: unknown) => e);
    expect(describeError(error, 'cli')).toBe(
      'Token request: connection refused (1 attempt). Check --base-url, the network and the proxy settings (HTTPS_PROXY, NO_PROXY), and raise --timeout-seconds or --retries if Coze is slow',
    );
  });

  it('names a credential the console config file gave by its field in that file', () => {
    const credentials = ['app-id', 'public-key-id', 'private-key', 'base-url'] as const;
    const text = credentials.map((name) => term(name)).join(', ');
    expect(inTermsOf('action', inOAuthConfigTerms(text, credentials))).toBe(
      'the client_id of oauth-config, the public_key_id of oauth-config, the private_key of oauth-config, ' +
        'the coze_api_base of oauth-config',
    );
    expect(inTermsOf('action', inOAuthConfigTerms(text, ['private-key']))).toBe(
      'app-id, public-key-id, the private_key of oauth-config, base-url',
    );
  });

  it('takes a whole name in capitals and underscores for an environment variable, nothing around it', () => {
    expect(['HTTPS_PROXY', 'COZE_PRIVATE_KEY', 'no_proxy'].map(isEnvironmentVariable)).toEqual([true, true, true]);
    expect(['HTTPS', '--HTTPS_PROXY', 'HTTPS_PROXY.', '_PROXY', 'HTTPS_'].map(isEnvironmentVariable)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
