// What the command line is given: arguments it must never repeat, one source of the key at a time, and a key read
// within bounds. In-process through runCli with streams for standard input and files.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.ts';
import { defaultDeps } from '../../src/core/mint.ts';
import { MAX_PRIVATE_KEY_LENGTH } from '../../src/core/private-key.ts';
import { makeRsaKeys } from '../support/keys.ts';
import { leaksIn } from '../support/leaks.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7455500000001', 'cli-input-kid');

const otherKeys = makeRsaKeys();
const files: Record<string, string> = {
  'key.pem': keys.pkcs8,
  'other.pem': otherKeys.pkcs8,
  'notes.txt': 'not a key at all',
  'huge.pem': 'A'.repeat(70 * 1024),
};
/** Paths that fail as the file system would, by Node's error code; a code of '' throws an error without one. */
const failing: Record<string, string> = {
  keys: 'EISDIR',
  'locked.pem': 'EACCES',
  'loop.pem': 'ELOOP',
  'key.pem/x': 'ENOTDIR',
  'disk.pem': 'EIO',
  'odd.pem': '',
  'proto.pem': 'constructor',
};
async function* file(path: string) {
  const text = files[path];
  const code = failing[path] ?? (text === undefined ? 'ENOENT' : undefined);
  if (code !== undefined) throw Object.assign(new Error(`${code || 'failed'}: ${path}`), code ? { code } : {});
  yield Buffer.from(text as string);
}
/** Standard input that never ends: a terminal nobody types into. */
const endless = () => new Readable({ read() {} });

async function cli(args: string[], env: Record<string, string> = {}, stdin: () => Readable = () => Readable.from([])) {
  let stdout = '';
  let stderr = '';
  const io = {
    env,
    stdin,
    openFile: file,
    out: (text: string) => void (stdout += text),
    err: (text: string) => void (stderr += text),
  };
  const code = await runCli(args, io, defaultDeps({ sleep: async () => {} }));
  // The bare token on stdout is what mint is for; nothing else may show a secret.
  expect(
    leaksIn(code === 0 && args[0] === 'mint' ? stderr : `${stdout}${stderr}`, { pems: [keys.pkcs8], standIn }),
  ).toEqual([]);
  return { code, stdout, stderr };
}
/** The credentials but the key; cases listed before the stand-in starts fail before any request, so any URL does. */
const ids = () => ['--app-id', appId, '--public-key-id', kid, '--base-url', standIn?.url ?? 'http://127.0.0.1:9'];

describe('arguments are never repeated', () => {
  const pem = () => keys.pkcs8;
  const cases: Array<[string, string[], string]> = [
    ['a PEM pasted as a bare argument', ['mint', ...ids(), pem()], 'argument 8 is not an option'],
    ['a PEM before the command', [pem(), 'mint', ...ids()], 'argument 1 is not an option'],
    ['a PEM with check --json', ['check', '--json', ...ids(), pem()], 'argument 9 is not an option'],
    ['a mistyped option', ['mint', '--app', appId], 'argument 2 is not an option'],
    ['a name every object has', ['mint', '--constructor'], 'argument 2 is not an option'],
    ['a name every object has, with a value', ['mint', '--toString=-----BEGIN'], 'argument 2 is not an option'],
  ];
  for (const [what, args, where] of cases) {
    it(`names the position of ${what}, not the argument`, async () => {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `coze-token: arguments: ${where} coze-token knows (coze-token --help lists them); it is not repeated here, in case it is a key\n`,
      );
    });
  }

  it('names an argument after the command as unexpected, by its position, not as an unknown command', async () => {
    const base64Key = Buffer.from(keys.pkcs8).toString('base64');
    for (const [args, where] of [
      [['check', 'extra', ...ids()], 'argument 2'],
      [['check', ...ids(), 'extra'], 'argument 8'],
      [['mint', '--json', ...ids(), base64Key], 'argument 9'],
      [['check', 'mint'], 'argument 2'],
    ] as Array<[string[], string]>) {
      const run = await cli(args);
      const command = args[0] as string;
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `coze-token ${command}: arguments: ${where} is unexpected: coze-token ${command} takes no arguments but options (coze-token --help lists them); it is not repeated here, in case it is a key\n`,
      );
      expect(run.stderr).not.toContain(base64Key.slice(0, 40));
    }
  });

  it('suggests the nearest option for a misspelt one, without repeating what was typed', async () => {
    for (const [typed, meant] of [
      ['--app-idd', 'app-id'],
      ['--APP-ID', 'app-id'],
      ['--public-key_id', 'public-key-id'],
      ['--privat-key-file', 'private-key-file'],
      ['--jsn', 'json'],
      ['--deadline', 'deadline-seconds'],
      ['--verbos', 'verbose'],
      ['--key-id', 'public-key-id'],
      ['--kid', 'public-key-id'],
      ['--client-id', 'app-id'],
      ['--key-file', 'private-key-file'],
      ['--api-base', 'base-url'],
      ['--ttl', 'duration-seconds'],
    ]) {
      const run = await cli(['mint', `${typed}=1`, ...ids()]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `coze-token: arguments: argument 2 is not an option coze-token knows; did you mean --${meant}? (coze-token --help lists them); it is not repeated here, in case it is a key\n`,
      );
      expect(run.stderr).not.toContain(`${typed}=`);
    }
  });

  it('names an input of the action typed as an option, and says what the command line does instead', async () => {
    expect((await cli(['mint', ...ids(), '--verify'])).stderr).toBe(
      'coze-token: --verify: is an input of the action, not an option of coze-token: coze-token check mints a token ' +
        'and verifies it (argument 8)\n',
    );
    const run = await cli(['mint', '--export-env=true', ...ids()]);
    expect([run.code, run.stderr]).toEqual([
      2,
      'coze-token: --export-env: is an input of the action, not an option of coze-token (argument 2)\n',
    ]);
    expect((await cli(['mint', '--oauth-config=x.json'])).stderr).toContain('did you mean --oauth-config-file?');
    expect((await cli(['mint', '--config', 'x.json'])).stderr).toContain('did you mean --oauth-config-file?');
    expect((await cli(['mint', '--key-file', 'k.pem'])).stderr).toContain('did you mean --private-key-file?');
  });

  it('says to put -- after the script when npm kept the options for itself, whatever else went wrong', async () => {
    const npmRun = await cli(['mint', appId], { npm_config_app_id: '', npm_config_private_key_file: 'k.pem' });
    expect(npmRun.code).toBe(2);
    expect(npmRun.stderr).toMatch(/^coze-token mint: arguments: argument 2 is unexpected/);
    expect(npmRun.stderr).toContain(
      "\nhint: npm kept the options for itself, as it does with those before a --: put -- after the script's name, " +
        'as in npm run coze-token -- mint --app-id …\n',
    );
    expect((await cli(['--bogus'], { npm_config_public_key_id: 'kid' })).stderr).toContain(
      'as in npm run coze-token -- mint --app-id …\n',
    );
    expect((await cli(['check'], { npm_config_verify: 'true' })).stderr).toContain(
      "hint: npm kept the options for itself, as it does with those before a --: put -- after the script's name, as in " +
        'npm run coze-token -- check --app-id …\n',
    );
    for (const env of [
      { npm_config_scope: '@org' },
      { npm_config_scopes: '@org' },
      { npm_config_timeout: '5' },
      { npm_config_json: 'true' },
      { npm_package_json: 'p' },
      // npm's own variables are lower-case; one a user set in capitals is config npm reads, not flags it took.
      { NPM_CONFIG_app_id: '1' },
    ]) {
      expect((await cli(['check'], env)).stderr).not.toContain('npm kept');
    }
    // Only a refusal of the input: a failure after the flags arrived keeps its own hint.
    const unreachable = ['--app-id', appId, '--public-key-id', kid, '--base-url', 'http://127.0.0.1:9'];
    const refused = await cli(['mint', ...unreachable, '--private-key-file', 'key.pem', '--retries', '0'], {
      npm_config_app_id: '1',
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).not.toContain('npm kept');
  });

  it('says which option lacks its value, or has one it does not take', async () => {
    expect((await cli(['mint', '--app-id'])).stderr).toBe(
      'coze-token: --app-id: needs a value (argument 2); for a value that starts with a dash, write --app-id=VALUE\n',
    );
    expect((await cli(['mint', '--app-id', '--json'])).stderr).toMatch(
      /^coze-token: --app-id: needs a value \(argument 2\)/,
    );
    expect((await cli(['mint', '--json=yes'])).stderr).toBe('coze-token: --json: takes no value (argument 2)\n');
    for (const flag of ['--private-key-file', '--app-id']) {
      expect((await cli(['mint', flag, pem()])).stderr).toBe(
        `coze-token: ${flag}: was given what looks like a PEM key (argument 2), which is not repeated here: give the ` +
          'key through COZE_PRIVATE_KEY or --private-key - (standard input) instead\n',
      );
    }
    expect((await cli(['mint', `--private-key=${pem()}`])).stderr).toBe(
      'coze-token: --private-key: takes only - (read the key from standard input); a key on the command line would ' +
        'land in shell history and process lists. Use --private-key-file or COZE_PRIVATE_KEY\n',
    );
  });
});

describe('one source of the key at a time, named as it was given', () => {
  const cases: Array<[string, string[], Record<string, string>, string | undefined, string]> = [
    [
      'two environment variables',
      [],
      { COZE_PRIVATE_KEY: keys.pkcs8, COZE_PRIVATE_KEY_FILE: 'key.pem' },
      undefined,
      'COZE_PRIVATE_KEY_FILE and COZE_PRIVATE_KEY: each give the private key: use one of them (unset one of the environment variables)',
    ],
    [
      'a flag and an environment variable',
      ['--private-key-file', 'key.pem'],
      { COZE_PRIVATE_KEY: keys.pkcs8 },
      undefined,
      '--private-key-file and COZE_PRIVATE_KEY: each give the private key: use one of them (unset the environment variable, or drop the option)',
    ],
    [
      'standard input and a file',
      ['--private-key', '-', '--private-key-file', 'key.pem'],
      {},
      keys.pkcs8,
      '--private-key - and --private-key-file: each give the private key: use one of them (drop one of the options)',
    ],
    [
      'an empty standard input',
      ['--private-key', '-'],
      {},
      '',
      '--private-key -: gave an empty private key: expected the PEM private key the Coze console let you download',
    ],
    [
      'a file that is not a key',
      ['--private-key-file', 'notes.txt'],
      {},
      undefined,
      '--private-key-file: expected an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----), or that PEM base64-encoded on one line.',
    ],
    [
      'a file from the environment that is not there',
      [],
      { COZE_PRIVATE_KEY_FILE: 'gone.pem' },
      undefined,
      'COZE_PRIVATE_KEY_FILE: cannot read "gone.pem": there is no such file; expected a readable file holding the PEM private key',
    ],
    [
      'a key in the environment that is not a key',
      [],
      { COZE_PRIVATE_KEY: 'not a key at all' },
      undefined,
      'COZE_PRIVATE_KEY: expected an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----), or that PEM base64-encoded on one line.',
    ],
  ];
  for (const [what, args, env, stdin, message] of cases) {
    it(`refuses ${what} with the exact message`, async () => {
      const run = await cli(['mint', ...ids(), ...args], env, () =>
        Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]),
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`coze-token mint: ${message}\n`);
    });
  }

  it('names a key file that cannot be read by its path, with the reason', async () => {
    for (const [path, reason] of [
      ['gone.pem', 'there is no such file'],
      ['keys', 'it is a folder, not a file'],
      ['locked.pem', 'permission denied'],
      ['loop.pem', 'the path has a loop of symbolic links'],
      ['key.pem/x', 'a part of the path is not a folder'],
      ['disk.pem', 'it cannot be read (EIO)'],
      ['odd.pem', 'it cannot be read'],
      ['proto.pem', 'it cannot be read'],
    ]) {
      const run = await cli(['mint', ...ids(), '--private-key-file', path as string]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `coze-token mint: --private-key-file: cannot read "${path}": ${reason}; expected a readable file holding the PEM private key\n`,
      );
    }
  });

  it('shows the path inert and bounded: no control characters, at most 160 characters', async () => {
    const run = await cli(['mint', ...ids(), '--private-key-file', 'keys/\u001b[31mred\u202e\u0007.pem']);
    expect(run.stderr).toBe(
      'coze-token mint: --private-key-file: cannot read "keys/ [31mred .pem": there is no such file; expected a readable file holding the PEM private key\n',
    );
    const long = await cli(['mint', ...ids(), '--private-key-file', `${'very-long-folder/'.repeat(30)}key.pem`]);
    expect(long.stderr).toBe(
      `coze-token mint: --private-key-file: cannot read "${'very-long-folder/'.repeat(30).slice(0, 160)}…": there is no such file; expected a readable file holding the PEM private key\n`,
    );
    const terms = await cli(['mint', ...ids(), '--private-key-file', '⟦app-id⟧.pem']);
    expect(terms.stderr).toMatch(/cannot read "\[app-id\]\.pem"/);
  });

  it('never shows a key given where a path belongs, in any form', async () => {
    const pem = keys.pkcs8;
    const body = pem.split('\n').slice(1, -2).join('');
    for (const [what, given] of [
      ['a PEM', pem],
      ['a PEM with literal \\n', pem.trimEnd().replaceAll('\n', '\\n')],
      ['a PEM without its armour', pem.split('\n').slice(1, -2).join('\n')],
      ['the PEM base64-encoded on one line', Buffer.from(pem).toString('base64')],
      ['the body on one line', body],
      ['one line of the body', pem.split('\n')[3] as string],
      ['a key in a folder', `keys/${body.slice(0, 50)}`],
    ]) {
      for (const [args, env, source] of [
        [[`--private-key-file=${given}`], {}, '--private-key-file'],
        [[], { COZE_PRIVATE_KEY_FILE: given }, 'COZE_PRIVATE_KEY_FILE'],
      ] as Array<[string[], Record<string, string>, string]>) {
        const run = await cli(['mint', ...ids(), ...args], env);
        expect(run.code, what).toBe(2);
        expect(run.stderr, what).toBe(
          `coze-token mint: ${source}: expected the path of a readable file holding the PEM private key; what it was given is not a file that can be read (there is no such file), and looks like a key rather than a path, so it is not repeated here: give the key through COZE_PRIVATE_KEY or --private-key - instead\n`,
        );
      }
    }
    // Longer than any path: taken for a key before any pattern looks at it.
    const long = await cli(['mint', ...ids(), `--private-key-file=${'a b '.repeat(1100)}`]);
    expect(long.stderr).toMatch(/looks like a key rather than a path, so it is not repeated here/);
    expect(long.stderr).not.toContain('a b a b');
  });

  it("names the key source actually used in Coze's refusal hint, not all four", async () => {
    const cases: Array<[string[], Record<string, string>, string, string]> = [
      [['--private-key-file', 'other.pem'], {}, '', '--private-key-file'],
      [[], { COZE_PRIVATE_KEY_FILE: 'other.pem' }, '', 'COZE_PRIVATE_KEY_FILE'],
      [[], { COZE_PRIVATE_KEY: otherKeys.pkcs8 }, '', 'COZE_PRIVATE_KEY'],
      [['--private-key', '-'], {}, otherKeys.pkcs8, '--private-key -'],
    ];
    for (const [args, env, stdin, source] of cases) {
      const run = await cli(['mint', ...ids(), ...args], env, () => Readable.from([Buffer.from(stdin)]));
      expect(run.code).toBe(1);
      const hint = run.stderr.split('\n').find((line) => line.startsWith('hint: ')) as string;
      expect(hint).toMatch(
        new RegExp(`--public-key-id and ${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} belong to one OAuth app`),
      );
      expect(hint).not.toMatch(/\(or --private-key -/);
      expect(leaksIn(run.stderr, { pems: [otherKeys.pkcs8], standIn })).toEqual([]);
    }
  });

  it('mints from whichever one source is given', async () => {
    for (const [args, env, stdin] of [
      [['--private-key-file', 'key.pem'], {}, ''],
      [['--private-key', '-'], {}, keys.pkcs8],
      [[], { COZE_PRIVATE_KEY_FILE: 'key.pem' }, ''],
      [[], { COZE_PRIVATE_KEY: keys.pkcs8 }, ''],
    ] as Array<[string[], Record<string, string>, string]>) {
      const run = await cli(['mint', ...ids(), ...args], env, () => Readable.from([Buffer.from(stdin)]));
      expect([run.code, standIn.issued.has(run.stdout.trim())]).toEqual([0, true]);
    }
  });
});

describe('the key is read within bounds', () => {
  it(`stops reading past ${MAX_PRIVATE_KEY_LENGTH / 1024} KiB and calls it no key`, async () => {
    const huge = () =>
      Readable.from([Buffer.alloc(40 * 1024, 'A'), Buffer.alloc(40 * 1024, 'A'), Buffer.alloc(40 * 1024, 'A')]);
    const run = await cli(['mint', ...ids(), '--private-key', '-'], {}, huge);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'coze-token mint: --private-key -: holds more than 64 KiB, which is no private key (a PEM is a few KiB)\n',
    );
  });

  it('stops reading a file past the same bound', async () => {
    const run = await cli(['mint', ...ids(), '--private-key-file', 'huge.pem']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'coze-token mint: --private-key-file: holds more than 64 KiB, which is no private key (a PEM is a few KiB)\n',
    ]);
  });

  it('gives up on an input that never ends when --deadline-seconds runs out', async () => {
    const started = performance.now();
    const run = await cli(['mint', ...ids(), '--deadline-seconds', '1', '--private-key', '-'], {}, endless);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'coze-token mint: --private-key -: gave no end of the key within --deadline-seconds 1: expected a file or input that ends\n',
    );
  });

  it('tells a bad --deadline-seconds at once, before reading a key that never ends', async () => {
    const started = performance.now();
    const run = await cli(['mint', ...ids(), '--deadline-seconds', '1.5', '--private-key', '-'], {}, endless);
    expect(performance.now() - started).toBeLessThan(1500);
    expect([run.code, run.stderr]).toEqual([
      2,
      'coze-token mint: --deadline-seconds: expected a whole number from 1 to 3600\n',
    ]);
  });

  it('takes a key that comes in pieces', async () => {
    const pieces = () => Readable.from(keys.pkcs8.match(/[\s\S]{1,100}/g)?.map((piece) => Buffer.from(piece)) ?? []);
    const run = await cli(['mint', ...ids(), '--private-key', '-'], {}, pieces);
    expect(run.code).toBe(0);
  });
});

describe('--verbose', () => {
  it('prints one line per attempt: method, URL, status, log id, time and the wait before the next', async () => {
    standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}' });
    const run = await cli(['mint', ...ids(), '--private-key-file', 'key.pem', '--verbose']);
    expect(run.code).toBe(0);
    const attempts = run.stderr.split('\n').filter((line) => line.includes(': attempt '));
    expect(attempts).toEqual([
      expect.stringMatching(
        /^POST http:\/\/127\.0\.0\.1:\d+\/api\/permission\/oauth2\/token: attempt 1: HTTP 503, code 5000, log id \w+STANDIN after \d+ ms; waiting \d+ ms before attempt 2$/,
      ),
      expect.stringMatching(/: attempt 2: HTTP 200, log id \w+ after \d+ ms; final$/),
    ]);
    const quiet = await cli(['mint', ...ids(), '--private-key-file', 'key.pem']);
    expect(quiet.stderr).toBe('');
  });
});

describe("the console's config file, read as the key is", () => {
  it('says so when COZE_OAUTH_CONFIG names the file instead of holding its text, in words left whole', async () => {
    const run = await cli(['mint'], { COZE_OAUTH_CONFIG: '/home/runner/work/_temp/coze_oauth_config.json' });
    expect([run.code, run.stderr]).toEqual([
      2,
      'coze-token mint: COZE_OAUTH_CONFIG: is the name of a .json file, not its text; expected the ' +
        "coze_oauth_config.json the Coze console gives a JWT (service) app, as JSON text; a file's name goes to " +
        '--oauth-config-file\n',
    ]);
  });

  it("says where a key file's name goes when COZE_PRIVATE_KEY holds one", async () => {
    const run = await cli(['mint', ...ids()], { COZE_PRIVATE_KEY: 'keys/private_key.pem' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^coze-token mint: COZE_PRIVATE_KEY: is the name of a key file, not the key; expected /);
    expect(run.stderr).toMatch(/; a file's name goes to --private-key-file \(or COZE_PRIVATE_KEY_FILE\)\n$/);
  });

  it('names the file it expected, and takes JSON given as a path for the secret it is', async () => {
    const missing = await cli(['mint', '--oauth-config-file', 'coze_oauth_config.json']);
    expect(missing.stderr).toBe(
      'coze-token mint: --oauth-config-file: cannot read "coze_oauth_config.json": there is no such file; expected a ' +
        'readable file holding the coze_oauth_config.json the Coze console gives\n',
    );
    const pasted = await cli(['mint', '--oauth-config-file', `{"client_type":"jwt","client_id":"${appId}"}`]);
    expect(pasted.stderr).toMatch(
      /looks like the file's text rather than a path, .*through COZE_OAUTH_CONFIG instead\n$/,
    );
    expect(pasted.stderr).not.toContain(appId);
  });
});

describe("the console's config file's own words", () => {
  it('says an empty or endless file is no config file, and takes one saved with a byte order mark', async () => {
    files['empty.json'] = '  \n';
    const empty = await cli(['mint', '--oauth-config-file', 'empty.json']);
    expect(empty.stderr).toBe(
      'coze-token mint: --oauth-config-file: gave an empty file: expected the coze_oauth_config.json the Coze console ' +
        'gives\n',
    );
    files['huge.json'] = `{"x":"${'A'.repeat(70 * 1024)}"}`;
    const huge = await cli(['mint', '--oauth-config-file', 'huge.json']);
    expect(huge.stderr).toBe(
      'coze-token mint: --oauth-config-file: holds more than 64 KiB, which no coze_oauth_config.json does\n',
    );
    const config = { client_type: 'jwt', client_id: appId, public_key_id: kid, private_key: keys.pkcs8 };
    files['bom.json'] = `\uFEFF${JSON.stringify({ ...config, coze_api_base: standIn.url })}`;
    const bom = await cli(['mint', '--oauth-config-file', 'bom.json']);
    expect([bom.code, standIn.issued.has(bom.stdout.trim())]).toEqual([0, true]);
  });
});
