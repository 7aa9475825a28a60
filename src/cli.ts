import { parseArgs } from 'node:util';
import { type InputName, readMintConfig } from './config.js';
import type { MintedToken } from './coze-response.js';
import { explainError, InputError, NetworkError } from './errors.js';
import { type MintDeps, mintToken } from './mint.js';
import { deadlineFrom } from './retry.js';
import { configReport, mintedReport, type RunReport, summaryRows, verifiedReport } from './summary.js';
import { CLI_ENV, inTermsOf } from './terms.js';
import { verifyToken } from './verify.js';
import { VERSION } from './version.js';

export const EXIT = { ok: 0, refused: 1, badInput: 2, network: 3 } as const;

export const HELP = `coze-token ${VERSION}: mint a short-lived Coze access token from a JWT OAuth app.

Usage:
  coze-token mint  [options]   print the token
  coze-token check [options]   mint, prove the token works with /v1/users/me, print a report
                               (never the token)

Options, and the environment variables they may come from instead:
  --app-id ID               the OAuth app's id                        COZE_APP_ID
  --public-key-id ID        the public key's fingerprint (公钥指纹)    COZE_PUBLIC_KEY_ID
  --private-key-file PATH   the app's private key, PEM                COZE_PRIVATE_KEY_FILE
  --private-key -           read the private key from standard input  COZE_PRIVATE_KEY (the PEM)
  --base-url URL            https://api.coze.cn (default)             COZE_API_BASE
                            or https://api.coze.com
  --audience AUD            the JWT's aud (default: the host of --base-url)
  --duration-seconds N      token lifetime, 1 to 86399 (default 900)
  --session-name NAME       the JWT's session_name
  --scope JSON              a JSON object sent as the request's scope
  --account-id ID           an organisation id: use /api/permission/oauth2/account/{id}/token
  --enterprise-id ID        an enterprise id (volcano_...): use its endpoint; not with --account-id
  --timeout-seconds N       limit for one HTTP attempt (default 30)
  --deadline-seconds N      limit for the whole command, every attempt and wait (default 120)
  --retries N               extra attempts after network errors, 408, 429, 5xx and Coze's
                            transient answers (internal_error, 4009, 4102) (default 3)
  --json                    mint: print {"token","expiresAt","expiresIn","logId"} instead of the
                            bare token; check: print the report as JSON (never the token)
  -h, --help                this text
  --version                 the version

Exit codes: 0 ok, 1 refused by Coze, 2 bad input, 3 network (Coze not reached or no answer in time).

Examples:
  coze-token check --app-id 1183520381944 --public-key-id "$KID" --private-key-file private_key.pem
  export COZE_API_TOKEN="$(coze-token mint --private-key - < private_key.pem)"
`;

export interface CliIo {
  env: Record<string, string | undefined>;
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const OPTION_NAMES: InputName[] = [
  'app-id',
  'public-key-id',
  'base-url',
  'audience',
  'duration-seconds',
  'session-name',
  'scope',
  'account-id',
  'enterprise-id',
  'timeout-seconds',
  'deadline-seconds',
  'retries',
];

export async function runCli(argv: string[], io: CliIo, runDeps: MintDeps): Promise<number> {
  let command: string | undefined;
  const deps = { ...runDeps, log: (message: string) => runDeps.log(inTermsOf('cli', message)) };
  let json = false;
  try {
    const { values, positionals } = parseCommandLine(argv);
    json = values.json === true;
    if (values.help || values.version) {
      io.out(values.help ? HELP : `${VERSION}\n`);
      return EXIT.ok;
    }
    const [named] = positionals;
    if (positionals.length === 0) {
      io.err(HELP);
      return EXIT.badInput;
    }
    if (positionals.length !== 1 || (named !== 'mint' && named !== 'check')) {
      throw new InputError('command', 'expected mint or check (coze-token --help lists the options)');
    }
    command = named;
    const options = values as Record<string, string | boolean | undefined>;
    const privateKey = await readPrivateKey(options['private-key'] as string | undefined, options['private-key-file'] as string | undefined, io);
    const config = readMintConfig((name) =>
      name === 'private-key' ? privateKey : ((options[name] as string | undefined) ?? io.env[CLI_ENV[name] ?? ''] ?? ''),
    );

    const deadline = deadlineFrom(config.deadlineMs, deps.now());
    const minted = await mintToken(config, deps, deadline);
    if (command === 'mint') {
      const { token, expiresAt, expiresIn, logId } = minted;
      io.out(json ? `${JSON.stringify({ token, expiresAt: expiresAt.toISOString(), expiresIn, ...(logId && { logId }) })}\n` : `${token}\n`);
      return EXIT.ok;
    }
    const verification = await verifyToken(minted.token, config, deps, deadline);
    const report = { ...configReport(config), ...mintedReport(minted), ...verifiedReport(verification) };
    io.out(json ? jsonReport(report, minted) : formatRows(report));
    return EXIT.ok;
  } catch (error) {
    const { problem, hint } = explainError(error, 'cli');
    io.err(`coze-token${command ? ` ${command}` : ''}: ${problem}\n${hint ? `hint: ${hint}\n` : ''}`);
    if (json && command === 'check') io.out(`${JSON.stringify({ ok: false, error: problem, ...(hint && { hint }) })}\n`);
    return exitCodeFor(error);
  }
}

/** check --json: what the check learned, never the token. */
function jsonReport(report: RunReport, minted: Pick<MintedToken, 'expiresAt' | 'expiresIn'>): string {
  const { appId, baseUrl, audience, sessionName, verification, userId, userName, logId } = report;
  return `${JSON.stringify({ ok: true, appId, baseUrl, audience, sessionName, expiresAt: minted.expiresAt.toISOString(), expiresIn: minted.expiresIn, verification, userId, userName, logId })}\n`;
}

function parseCommandLine(argv: string[]) {
  const keyFlag = argv.findIndex((arg) => arg === '--private-key' || arg.startsWith('--private-key='));
  const keyValue = keyFlag === -1 ? '-' : argv[keyFlag] === '--private-key' ? argv[keyFlag + 1] : (argv[keyFlag] as string).slice('--private-key='.length);
  if (keyValue !== '-') {
    throw new InputError(
      '--private-key',
      'takes only - (read the key from standard input); a key on the command line would land in shell history and process lists. Use --private-key-file or COZE_PRIVATE_KEY',
    );
  }
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(OPTION_NAMES.map((name) => [name, { type: 'string' as const }])),
        'private-key': { type: 'string' },
        'private-key-file': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    // parseArgs names the option, never its value; its first sentence is enough.
    const sentence = (error as Error).message.split('. ')[0];
    throw new InputError('arguments', `${sentence}; coze-token --help lists the options`);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return EXIT.badInput;
  if (error instanceof NetworkError) return EXIT.network;
  return EXIT.refused;
}

async function readPrivateKey(flag: string | undefined, file: string | undefined, io: CliIo): Promise<string> {
  if (flag === '-') return io.readStdin();
  const path = file ?? io.env.COZE_PRIVATE_KEY_FILE;
  if (path) {
    try {
      return await io.readFile(path);
    } catch {
      throw new InputError('private-key-file', 'expected a readable file holding the PEM private key');
    }
  }
  return io.env.COZE_PRIVATE_KEY ?? '';
}

function formatRows(report: RunReport): string {
  const rows = summaryRows(report);
  const width = Math.max(...rows.map(([name]) => name.length));
  return `${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`;
}
