// The coze-token command in-process: runCli(argv, io, deps) against the local Coze stand-in, and the library.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { defaultDeps } from '../../src/core/mint.ts';
import { CozeError, InputError, mintCozeToken, NetworkError } from '../../src/lib/index.ts';
import { leaksIn } from '../support/leaks.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7499999999999', 'cli-kid');
// The files the command may read, without touching the disk (test/bundle/cli.test.ts reads a real one).
const keyFile = 'keys/private_key.pem';
const files: Record<string, string> = { [keyFile]: keys.pkcs1 };
/** The bytes of a file, as a stream that fails as fs does when there is no such file. */
async function* openFile(path: string) {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  yield Buffer.from(text);
}

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command as a shell would run it, without a process: argv, environment, stdin, stdout, stderr, exit code. */
async function cli(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    env,
    stdin: () => Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]),
    openFile,
    out: (text: string) => void (stdout += text),
    err: (text: string) => void (stderr += text),
  };
  const code = await runCli(
    args,
    io,
    defaultDeps({ sleep: async () => {}, log: (message) => void (stderr += `${message}\n`) }),
  );
  return { code, stdout, stderr };
}

const flags = () => [
  '--app-id',
  appId,
  '--public-key-id',
  kid,
  '--private-key-file',
  keyFile,
  '--base-url',
  standIn.url,
];

/** Nothing secret on stderr: no key slice, no JWT the stand-in saw, no token it issued. */
function expectQuietStderr(run: CliRun) {
  expect(leaksIn(run.stderr, { pems: [keys.pkcs8, keys.pkcs1], standIn })).toEqual([]);
}

describe('coze-token', () => {
  it('mint prints the bare token', async () => {
    const run = await cli(['mint', ...flags()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^czs_[\w-]+\n$/);
    expect(standIn.issued.has(run.stdout.trim())).toBe(true);
    expectQuietStderr(run);
  });

  it('mint --json prints token, expiresAt and expiresIn', async () => {
    const run = await cli(['mint', '--json', '--duration-seconds', '120', ...flags()]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { token: string; expiresAt: string; expiresIn: number };
    expect(Object.keys(printed)).toEqual(['token', 'expiresAt', 'expiresIn', 'logId']);
    expect(standIn.issued.has(printed.token)).toBe(true);
    expect(printed.expiresIn).toBeGreaterThan(110);
    expect(printed.expiresIn).toBeLessThanOrEqual(120);
    expect(Date.parse(printed.expiresAt)).toBeGreaterThan(Date.now());
  });

  it("mint --json writes Coze's log id through the redactor: an id of the run in it is named, not shown", async () => {
    const body = JSON.stringify({
      access_token: 'czs_logid-test-token-0123456789',
      expires_in: Math.floor(Date.now() / 1000) + 600,
    });
    standIn.fail({ kind: 'ok-body', body, headers: { 'x-tt-logid': `log-${appId}-${kid}` } });
    const run = await cli(['mint', '--json', ...flags()]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { token: string; logId: string };
    expect(printed.token).toBe('czs_logid-test-token-0123456789');
    expect(printed.logId).toBe('log-[--app-id]-[--public-key-id]');
  });

  it('mint --json leaves logId out where Coze gave none it could read', async () => {
    const body = JSON.stringify({
      access_token: 'czs_no-log-id-token-0123456789',
      expires_in: Date.now() / 1000 + 600,
    });
    standIn.fail({ kind: 'ok-body', body, headers: { 'x-tt-logid': 'not a log id' } });
    const run = await cli(['mint', '--json', ...flags()]);
    expect(run.code).toBe(0);
    expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(['token', 'expiresAt', 'expiresIn']);
  });

  it("reads the console's config file from --oauth-config-file or COZE_OAUTH_CONFIG, one of them, with check's options", async () => {
    const config = JSON.stringify({
      client_type: 'jwt',
      client_id: appId,
      public_key_id: kid,
      private_key: keys.pkcs8,
      coze_api_base: standIn.url,
    });
    const configFile = 'keys/coze_oauth_config.json';
    files[configFile] = config;
    const fromFile = await cli([
      'check',
      '--json',
      '--oauth-config-file',
      configFile,
      '--expected-user-id',
      '7400000000000000001',
    ]);
    expect([fromFile.code, fromFile.stderr]).toEqual([0, '']);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({
      ok: true,
      baseUrl: standIn.url,
      userId: '7400000000000000001',
    });
    const context = '{"connector_info":{"connector_id":"2001"}}';
    const fromEnv = await cli(['mint', '--session-context', context], { COZE_OAUTH_CONFIG: config });
    expect(standIn.issued.has(fromEnv.stdout.trim())).toBe(true);
    expect(standIn.requests.at(-1)?.claims?.session_context).toEqual(JSON.parse(context));
    const both = await cli(['mint', '--oauth-config-file', configFile], { COZE_OAUTH_CONFIG: config });
    expect([both.code, both.stderr]).toEqual([
      2,
      'coze-token mint: --oauth-config-file and COZE_OAUTH_CONFIG: each give the oauth config: use one of them (unset the environment variable, or drop the option)\n',
    ]);
    const other = await cli(['check', '--oauth-config-file', configFile, '--expected-user-id', '7400000000000000002']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(
      /^coze-token check: --expected-user-id: does not match: the token acts for another Coze user/,
    );
    expect(other.stdout).toBe('');
    const onMint = await cli(['mint', '--oauth-config-file', configFile, '--expected-user-id', '7400000000000000001']);
    expect(onMint.stderr).toBe(
      'coze-token mint: --expected-user-id: needs coze-token check: only /v1/users/me tells the user\n',
    );
    const disagree = await cli(['mint', '--oauth-config-file', configFile, '--app-id', '7000000000000']);
    expect(disagree.stderr).toMatch(
      /^coze-token mint: --oauth-config-file \(or COZE_OAUTH_CONFIG\) and --app-id \(or COZE_APP_ID\): disagree/,
    );
  });

  it('check mints, verifies and prints a summary without the token', async () => {
    const before = standIn.requests.length;
    const run = await cli(['check', ...flags(), '--session-name', 'local-try']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Result +✅ token minted$/m);
    // Its output may land in a CI log: the app id, which the README keeps in a secret, is not in it.
    expect(run.stdout).not.toContain(appId);
    expect(run.stdout).toMatch(/^Session name +local-try$/m);
    expect(run.stdout).toMatch(/^Verification +✅ \/v1\/users\/me accepted the token$/m);
    expect(run.stdout).toMatch(/^User +ci-bot \(7400000000000000001\)$/m);
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual(['/api/permission/oauth2/token', '/v1/users/me']);
    for (const token of standIn.issued) expect(run.stdout).not.toContain(token);
    expectQuietStderr(run);
  });

  it('lines the summary of check up in two columns', async () => {
    const run = await cli(['check', ...flags()]);
    const lines = run.stdout.trimEnd().split('\n');
    const width = Math.max(...lines.map((line) => line.indexOf('  ')));
    expect(width).toBe('Log id (x-tt-logid)'.length);
    for (const line of lines) expect(line.slice(width, width + 2)).toBe('  ');
    expect(lines[0]).toBe(`${'Result'.padEnd(width)}  ✅ token minted`);
  });

  it('reads the key from standard input with --private-key=-', async () => {
    const run = await cli(
      ['mint', '--app-id', appId, '--public-key-id', kid, '--private-key=-', '--base-url', standIn.url],
      {},
      keys.pkcs8,
    );
    expect(run.code).toBe(0);
    expect(standIn.issued.has(run.stdout.trim())).toBe(true);
  });

  it('reads the key from standard input with --private-key -', async () => {
    const run = await cli(
      ['mint', '--app-id', appId, '--public-key-id', kid, '--private-key', '-', '--base-url', standIn.url],
      {},
      keys.pkcs8.replace(/\n/g, '\r\n'),
    );
    expect(run.code).toBe(0);
    expect(standIn.issued.has(run.stdout.trim())).toBe(true);
  });

  it('takes its whole configuration from the environment', async () => {
    const env = {
      COZE_APP_ID: appId,
      COZE_PUBLIC_KEY_ID: kid,
      COZE_PRIVATE_KEY: keys.pkcs8.trim().replace(/\n/g, '\\n'),
      COZE_API_BASE: standIn.url,
    };
    const run = await cli(['mint'], env);
    expect(run.code).toBe(0);
    expect(standIn.issued.has(run.stdout.trim())).toBe(true);
    const fromFile = await cli(['check'], { ...env, COZE_PRIVATE_KEY: '', COZE_PRIVATE_KEY_FILE: keyFile });
    expect(fromFile.code).toBe(0);
  });

  it('exits 1 when Coze refuses, with its words, the log id and a hint on stderr', async () => {
    const run = await cli(['mint', ...flags(), '--public-key-id', 'deleted-kid']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^coze-token mint: Coze refused the token request: invalid jwt: kid not been registred \(HTTP 401, code invalid_client, log id \w+\)\nhint: Coze does not know this app's key/,
    );
    expectQuietStderr(run);
  });

  it('exits 1 when the check call is refused', async () => {
    standIn.failUsersMe({ kind: 'status', status: 401, body: '{"code":4100,"msg":"authentication is invalid"}' });
    const run = await cli(['check', ...flags()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/check call to \/v1\/users\/me: authentication is invalid/);
    expectQuietStderr(run);
  });

  const badInput: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['an unknown command', ['refresh'], {}, /^coze-token: command: expected mint or check/],
    [
      'two commands',
      ['mint', 'check'],
      {},
      /^coze-token mint: arguments: argument 2 is unexpected: coze-token mint takes no arguments but options/,
    ],
    [
      'an unknown option',
      ['mint', '--app', appId],
      {},
      /^coze-token: arguments: argument 2 is not an option coze-token knows \(coze-token --help lists them\); it is not repeated here, in case it is a key$/m,
    ],
    [
      'a missing app id',
      ['mint', '--public-key-id', kid, '--private-key-file', keyFile],
      {},
      /^coze-token mint: --app-id \(or COZE_APP_ID\): is required: the OAuth app's id from the Coze console$/m,
    ],
    [
      'a key on the command line',
      ['mint', '--private-key', keys.pkcs8],
      {},
      /^coze-token: --private-key: takes only -/,
    ],
    [
      'an unreadable key file',
      ['mint', '--app-id', appId, '--public-key-id', kid, '--private-key-file', '/nonexistent/key.pem'],
      {},
      /^coze-token mint: --private-key-file: cannot read "\/nonexistent\/key\.pem": there is no such file; expected a readable file holding the PEM private key$/m,
    ],
    [
      'a bad duration',
      [
        'mint',
        ...['--app-id', appId, '--public-key-id', kid, '--private-key-file', keyFile],
        '--duration-seconds',
        '86400',
      ],
      {},
      /^coze-token mint: --duration-seconds: expected a whole number from 1 to 86399$/m,
    ],
    [
      'a bad deadline',
      [
        'mint',
        ...['--app-id', appId, '--public-key-id', kid, '--private-key-file', keyFile],
        '--deadline-seconds',
        '0',
      ],
      {},
      /^coze-token mint: --deadline-seconds: expected a whole number from 1 to 3600$/m,
    ],
    [
      'enterprise and account together',
      [
        'mint',
        ...['--app-id', appId, '--public-key-id', kid, '--private-key-file', keyFile],
        '--enterprise-id',
        'volcano_1',
        '--account-id',
        '2',
      ],
      {},
      /^coze-token mint: --enterprise-id: cannot be used together with --account-id: /,
    ],
    ['a key option with = and a value', ['mint', '--private-key=abc'], {}, /^coze-token: --private-key: takes only -/],
    [
      'no key at all',
      ['mint', '--app-id', appId, '--public-key-id', kid],
      {},
      /^coze-token mint: --private-key-file \(or --private-key -, COZE_PRIVATE_KEY_FILE, COZE_PRIVATE_KEY\): is required: the app's private key \(PEM\)/,
    ],
    [
      'a public key in the environment',
      ['mint', '--app-id', appId, '--public-key-id', kid],
      { COZE_PRIVATE_KEY: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      /this is a public key/,
    ],
  ];
  for (const [what, args, env, message] of badInput) {
    it(`exits 2 for ${what}`, async () => {
      const run = await cli(args, env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expectQuietStderr(run);
    });
  }

  it('passes --audience, --scope and --timeout-seconds on', async () => {
    const before = standIn.requests.length;
    const run = await cli([
      'mint',
      ...flags(),
      '--audience',
      'aud.example',
      '--scope',
      '{"account_permission":{"permission_list":["x"]}}',
      '--timeout-seconds',
      '0',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^coze-token mint: --timeout-seconds: expected a whole number from 1 to 600$/m);
    await cli([
      'mint',
      ...flags(),
      '--audience',
      'aud.example',
      '--scope',
      '{"account_permission":{"permission_list":["x"]}}',
    ]);
    const [request] = standIn.requests.slice(before);
    expect(request?.refusal).toMatch(/JWT rejected/);
    expect(JSON.parse(request?.body ?? '')).toMatchObject({
      scope: { account_permission: { permission_list: ['x'] } },
    });
  });

  it('uses the enterprise endpoint with --enterprise-id', async () => {
    const before = standIn.requests.length;
    const run = await cli(['mint', ...flags(), '--enterprise-id', 'volcano_77']);
    expect(run.code).toBe(0);
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual([
      '/api/permission/oauth2/enterprise_id/volcano_77/token',
    ]);
  });

  it('exits 3 when the deadline runs out, naming deadline-seconds', async () => {
    standIn.fail({ kind: 'hang' });
    const run = await cli(['mint', ...flags(), '--deadline-seconds', '1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/no answer within --deadline-seconds \(1 s\)/);
    expect(run.stderr).toMatch(/^hint: Raise --deadline-seconds, or lower --timeout-seconds and --retries so that/m);
  });

  it('prints the usage to stderr and exits 2 when no command is given', async () => {
    const run = await cli(['--app-id', appId]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^coze-token \d+\.\d+\.\d+: mint a short-lived Coze access token[\s\S]*Usage:[\s\S]*Exit codes:/,
    );
  });

  it('names every missing credential in one message, in flags and environment variables', async () => {
    const run = await cli(['mint']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "coze-token mint: --app-id (or COZE_APP_ID), --public-key-id (or COZE_PUBLIC_KEY_ID) and --private-key-file (or --private-key -, COZE_PRIVATE_KEY_FILE, COZE_PRIVATE_KEY): are required: the OAuth app's id from the Coze console; the public key's fingerprint (公钥指纹) from the Coze console; the app's private key (PEM) that the Coze console let you download; or --oauth-config-file (or COZE_OAUTH_CONFIG) alone gives all three\n",
    );
  });

  it("gives Coze's hints in CLI terms: --base-url, not base-url:", async () => {
    const run = await cli(['mint', ...flags(), '--public-key-id', 'not-registered']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^hint: .*Check that --base-url is the Coze API of the app's site, .* into --public-key-id$/m,
    );
    expect(run.stderr).not.toMatch(/⟦|base-url:/);
  });

  it('check --json prints the report as JSON, never the token', async () => {
    const run = await cli(['check', '--json', ...flags(), '--session-name', 'json-try']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(run.stdout).not.toContain(appId);
    expect(report).toMatchObject({
      ok: true,
      baseUrl: standIn.url,
      sessionName: 'json-try',
      verification: 'accepted',
      userName: 'ci-bot',
      userId: '7400000000000000001',
    });
    expect(report.expiresIn).toBeGreaterThan(800);
    expect(Date.parse(report.expiresAt as string)).toBeGreaterThan(Date.now());
    for (const token of standIn.issued) expect(run.stdout).not.toContain(token);
    standIn.failUsersMe({ kind: 'status', status: 401, body: '{"code":4100,"msg":"authentication is invalid"}' });
    const refused = await cli(['check', '--json', ...flags()]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/authentication is invalid/),
      hint: expect.any(String),
    });
    expectQuietStderr(refused);
  });

  it('--version prints the version alone', async () => {
    const run = await cli(['--version']);
    expect(run).toEqual({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: '' });
  });

  it('exits 1 for an unexpected failure, saying so', async () => {
    let stderr = '';
    const io = {
      env: {},
      stdin: () => Readable.from([]),
      openFile,
      out: () => {},
      err: (text: string) => void (stderr += text),
    };
    const code = await runCli(['mint', ...flags()], io, {
      ...defaultDeps(),
      send: () => Promise.reject(new TypeError('a bug\n::error::forged')),
    });
    expect(code).toBe(1);
    expect(stderr).toBe('coze-token mint: Unexpected error: a bug ::error::forged\n');
  });

  it('exits 3 when Coze cannot be reached', async () => {
    const run = await cli(['mint', ...flags(), '--base-url', 'http://127.0.0.1:9', '--retries', '0']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/connection refused \(1 attempt\)/);
    expectQuietStderr(run);
  });

  it('--help reads well and documents the exit codes', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^coze-token \d+\.\d+\.\d+: mint a short-lived Coze access token/);
    for (const option of [
      '--app-id',
      '--public-key-id',
      '--private-key-file',
      '--private-key -',
      '--base-url',
      '--duration-seconds',
      '--session-name',
      '--scope',
      '--account-id',
      '--enterprise-id',
      '--deadline-seconds',
      '--json',
      'COZE_APP_ID',
      'COZE_PUBLIC_KEY_ID',
      'COZE_PRIVATE_KEY_FILE',
      'COZE_API_BASE',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain('Exit codes: 0 ok, 1 refused by Coze, 2 bad input, 3 network');
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});

/** The error a call throws, checked for secrets: its message and its details. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  if (!error) throw new Error('expected the call to throw');
  expect(
    leaksIn(`${error.message} ${JSON.stringify((error as CozeError).details ?? {})}`, {
      pems: [keys.pkcs8, keys.pkcs1],
      standIn,
    }),
  ).toEqual([]);
  return error;
}

describe('reading the key within --deadline-seconds', () => {
  /** coze-token mint with --deadline-seconds 1, its key file given by `source`, on a clock that says `clock()`. */
  async function mintReading(source: () => AsyncIterable<Buffer>, clock: () => number): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const io = {
      env: {},
      stdin: () => Readable.from([]),
      openFile: source,
      out: (text: string) => void (stdout += text),
      err: (text: string) => void (stderr += text),
    };
    const args = ['mint', ...flags(), '--deadline-seconds', '1'];
    const code = await runCli(args, io, defaultDeps({ sleep: async () => {}, now: clock }));
    return { code, stdout, stderr };
  }
  const start = Date.now();

  it('waits for a slow key file while the second lasts, counted on its clock from the start', async () => {
    const slow = async function* () {
      await new Promise((later) => setTimeout(later, 100));
      yield Buffer.from(keys.pkcs1);
    };
    const run = await mintReading(slow, () => start);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(standIn.issued.has(run.stdout.trim())).toBe(true);
  });

  it('gives up on a key file that never ends once the second is over by its clock', async () => {
    const endless = async function* () {
      await new Promise(() => {});
      yield Buffer.from('');
    };
    // The first reading starts the command; by the next, 990 of its 1,000 ms are gone.
    let readings = 0;
    const run = await mintReading(endless, () => start + (readings++ === 0 ? 0 : 990));
    expect([run.code, run.stderr]).toEqual([
      2,
      'coze-token mint: --private-key-file: gave no end of the key within --deadline-seconds 1: expected a file or ' +
        'input that ends\n',
    ]);
  });
});

describe('mintCozeToken (the library)', () => {
  it('mints, and with verify proves the token with /v1/users/me, against one deadline', async () => {
    const before = standIn.requests.length;
    const token = await mintCozeToken({
      appId,
      publicKeyId: kid,
      privateKey: keys.pkcs8,
      baseUrl: standIn.url,
      sessionName: 'script',
      verify: true,
      deadlineSeconds: 30,
    });
    expect(standIn.issued.has(token.token)).toBe(true);
    expect(token.expiresIn).toBeGreaterThan(890);
    expect(token.expiresAt).toBeInstanceOf(Date);
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual(['/api/permission/oauth2/token', '/v1/users/me']);
    expect(standIn.requests.at(-1)?.headers.authorization).toBe(`Bearer ${token.token}`);
  });

  it('does not call /v1/users/me without verify', async () => {
    const before = standIn.requests.length;
    const scope = { account_permission: { permission_list: ['Connector.botChat'] } };
    await mintCozeToken({
      appId,
      publicKeyId: kid,
      privateKey: keys.pkcs8,
      baseUrl: standIn.url,
      enterpriseId: 'volcano_9',
      scope,
    });
    expect(standIn.requests.slice(before).map((r) => r.path)).toEqual([
      '/api/permission/oauth2/enterprise_id/volcano_9/token',
    ]);
    expect(JSON.parse(standIn.requests.at(-1)?.body ?? '')).toMatchObject({ scope });
  });

  it('throws the refusal of the check call, and the exported error classes', async () => {
    standIn.failUsersMe({ kind: 'status', status: 401, body: '{"code":4100,"msg":"authentication is invalid"}' });
    expect(
      (
        await rejection(
          mintCozeToken({ appId, publicKeyId: kid, privateKey: keys.pkcs8, baseUrl: standIn.url, verify: true }),
        )
      ).message,
    ).toMatch(/check call to \/v1\/users\/me: authentication is invalid/);
    const refused = await rejection(
      mintCozeToken({ appId, publicKeyId: 'nope', privateKey: keys.pkcs8, baseUrl: standIn.url }),
    );
    expect(refused).toBeInstanceOf(CozeError);
    expect((refused as CozeError).details).toMatchObject({
      status: 401,
      code: 'invalid_client',
      logId: expect.stringMatching(/STANDIN$/),
      hint: expect.stringMatching(/Check that baseUrl is the Coze API of the app's site/),
    });
    expect(
      await rejection(
        mintCozeToken({ appId, publicKeyId: kid, privateKey: keys.pkcs8, baseUrl: standIn.url, durationSeconds: 0 }),
      ),
    ).toBeInstanceOf(InputError);
    const logged: string[] = [];
    expect(
      await rejection(
        mintCozeToken({
          appId,
          publicKeyId: kid,
          privateKey: keys.pkcs8,
          baseUrl: 'http://127.0.0.1:9',
          retries: 1,
          log: (m) => void logged.push(m),
        }),
      ),
    ).toBeInstanceOf(NetworkError);
    // Each attempt in one line, and the retry notice between them.
    expect(logged).toEqual([
      expect.stringMatching(
        /^POST http:\/\/127\.0\.0\.1:9\/api\/permission\/oauth2\/token: attempt 1: no answer \(connection refused\) after \d+ ms; waiting \d+ ms before attempt 2$/,
      ),
      expect.stringMatching(/connection refused; retrying in/),
      expect.stringMatching(/: attempt 2: no answer \(connection refused\) after \d+ ms; no retry$/),
    ]);
  });

  it('logs its retry notices in CLI terms', async () => {
    standIn.fail({ kind: 'status', status: 503, body: '{}', headers: { 'retry-after': '30' } });
    const run = await cli(['mint', ...flags(), '--deadline-seconds', '2']);
    expect(run.stderr).toMatch(/HTTP 503; no retry, as --deadline-seconds \(2 s\) leaves no time for one/);
    expect(run.stderr).not.toMatch(/⟦/);
  });

  it('prints JSON only for check --json: never for a failing check without it, nor for mint --json', async () => {
    standIn.failUsersMe({ kind: 'status', status: 401, body: '{"code":4100,"msg":"authentication is invalid"}' });
    const plain = await cli(['check', ...flags()]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    const mint = await cli(['mint', '--json', ...flags(), '--public-key-id', 'not-registered']);
    expect(mint.code).toBe(1);
    expect(mint.stdout).toBe('');
  });
});

describe("a runner clock that is off Coze's", () => {
  it('warns on stderr, heals, and says by how much in check --json', async () => {
    standIn.setClock(-10 * 60 * 1000);
    try {
      const run = await cli(['check', '--json', ...flags()]);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^warning: The runner's clock is 10 min ahead of Coze's.*NTP/m);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, clockSkewSeconds: -600 });
    } finally {
      standIn.setClock(0);
    }
  });
});

describe('secrets that are not there', () => {
  it('says GitHub gives a Dependabot run no Actions secrets', async () => {
    const run = await cli(['mint'], { GITHUB_ACTOR: 'dependabot[bot]' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/are required: .*Dependabot started this run/);
  });
});
