import { parseArgs } from 'node:util';
import { DEFAULT_DEADLINE_MS, deadlineMsOf, type InputName, readMintConfig } from '../core/config.js';
import type { MintedToken } from '../core/coze-response.js';
import { explainError, InputError, NetworkError } from '../core/errors.js';
import { type MintDeps, mintToken } from '../core/mint.js';
import { nearestName } from '../core/option-names.js';
import { configReport, mintedReport, type RunReport, summaryRows, verifiedReport } from '../core/report.js';
import { verifyToken } from '../core/verify.js';
import { VERSION } from '../core/version.js';
import { outsideText } from '../safe-text/outside.js';
import { createRedactor } from '../safe-text/redactor.js';
import { CLI_ENV, inTermsOf, nameOf, term } from '../safe-text/terms.js';

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
  --verbose                 one line per HTTP attempt on stderr (method, URL, status, Coze's
                            code and log id, time taken, wait before the next); never a secret
  --json                    mint: print {"token","expiresAt","expiresIn","logId"} instead of the
                            bare token; check: print the report as JSON (never the token)
  -h, --help                this text
  --version                 the version

Exit codes: 0 ok, 1 refused by Coze, 2 bad input, 3 network (Coze not reached or no answer in time).

Examples:
  coze-token check --app-id 1183520381944 --public-key-id "$KID" --private-key-file private_key.pem
  export COZE_API_TOKEN="$(coze-token mint --private-key - < private_key.pem)"
`;

/** Where the key comes from: a stream of its bytes, which the command reads within bounds. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

export interface CliIo {
  env: Record<string, string | undefined>;
  stdin: () => ByteSource;
  openFile: (path: string) => ByteSource;
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

const OPTIONS = {
  ...Object.fromEntries(OPTION_NAMES.map((name) => [name, { type: 'string' as const }])),
  'private-key': { type: 'string' },
  'private-key-file': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** A PEM of a 4096-bit key is about 3.3 KiB; anything past this is no key, and is not read further. */
export const MAX_KEY_BYTES = 64 * 1024;

export async function runCli(argv: string[], io: CliIo, runDeps: MintDeps): Promise<number> {
  let command: string | undefined;
  const startedMs = runDeps.now();
  const redactor = createRedactor();
  // Once the key is read, the messages name where it came from rather than every place it could have.
  let keySource: string | undefined;
  const inOwnWords = (text: string) => {
    const words = inTermsOf('cli', text);
    return keySource === undefined ? words : words.replaceAll(nameOf('private-key', 'cli'), keySource);
  };
  // Everything written, but the minted token itself, goes out in the command line's words, without any secret.
  // Redacted first: an id it cuts out becomes a term, written in the command line's words with the rest.
  const say = (write: (text: string) => void) => (text: string) => write(inOwnWords(redactor.redact(text)));
  const [out, err] = [say(io.out), say(io.err)];
  const deps: MintDeps = {
    ...runDeps,
    log: (message) => err(`${message}\n`),
    onSecret: (secret) => redactor.add(secret),
    redact: (text) => redactor.redact(text),
  };
  let json = false;
  try {
    const { values, positionals, positionalIndexes } = parseCommandLine(argv);
    json = values.json === true;
    if (values.verbose) deps.debug = (message) => err(`${message}\n`);
    if (values.help || values.version) {
      io.out(values.help ? HELP : `${VERSION}\n`);
      return EXIT.ok;
    }
    const [named] = positionals;
    if (positionals.length === 0) {
      io.err(HELP);
      return EXIT.badInput;
    }
    if (named !== 'mint' && named !== 'check') throw new InputError('command', 'expected mint or check (coze-token --help lists the options)');
    command = named;
    if (positionals.length > 1) {
      throw new InputError(
        'arguments',
        `argument ${(positionalIndexes[1] as number) + 1} is unexpected: coze-token ${command} takes no arguments but options (coze-token --help lists them); it is not repeated here, in case it is a key`,
      );
    }
    const options = values as Record<string, string | boolean | undefined>;
    const text = (name: string) => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
    // The config names a bad deadline-seconds; until then, the default bounds reading the key.
    const deadlineMs = deadlineMsOf(text('deadline-seconds')) ?? DEFAULT_DEADLINE_MS;
    const key = await readPrivateKey(text('private-key'), text('private-key-file'), io, startedMs + deadlineMs - runDeps.now());
    redactor.addPrivateKey(key.text);
    keySource = key.source;
    for (const name of ['app-id', 'public-key-id'] as const) redactor.addIdentifier(name, text(name) ?? io.env[CLI_ENV[name] ?? ''] ?? '');
    const config = inKeySource(key.source, () =>
      readMintConfig((name) => (name === 'private-key' ? key.text : (text(name) ?? io.env[CLI_ENV[name] ?? ''] ?? ''))),
    );

    const deadline = { atMs: startedMs + config.deadlineMs, seconds: config.deadlineMs / 1000 };
    const minted = await mintToken(config, deps, deadline);
    if (command === 'mint') {
      const { token, expiresAt, expiresIn, logId } = minted;
      io.out(json ? `${JSON.stringify({ token, expiresAt: expiresAt.toISOString(), expiresIn, ...(logId && { logId }) })}\n` : `${token}\n`);
      return EXIT.ok;
    }
    const verification = await verifyToken(minted.token, config, deps, deadline);
    const report = { ...configReport(config), ...mintedReport(minted), ...verifiedReport(verification) };
    out(json ? jsonReport(report, minted) : formatRows(report));
    return EXIT.ok;
  } catch (error) {
    const { problem, hint } = explainError(error, 'cli');
    err(`coze-token${command ? ` ${command}` : ''}: ${problem}\n${hint ? `hint: ${hint}\n` : ''}`);
    if (json && command === 'check') out(`${JSON.stringify({ ok: false, error: problem, ...(hint && { hint }) })}\n`);
    return exitCodeFor(error);
  }
}

/** check --json: what the check learned, never the token. */
function jsonReport(report: RunReport, minted: Pick<MintedToken, 'expiresAt' | 'expiresIn'>): string {
  const { baseUrl, audience, sessionName, verification, userId, userName, logId } = report;
  return `${JSON.stringify({ ok: true, baseUrl, audience, sessionName, expiresAt: minted.expiresAt.toISOString(), expiresIn: minted.expiresIn, verification, userId, userName, logId })}\n`;
}

/**
 * The arguments, checked by their position: an argument the command does not know is never repeated, since it may
 * be a key pasted in the wrong place.
 */
function parseCommandLine(argv: string[]) {
  const { values, positionals, tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const where = `argument ${token.index + 1}`;
    const spec = Object.hasOwn(OPTIONS, token.name) ? (OPTIONS as Record<string, { type: string }>)[token.name] : undefined;
    if (!spec) {
      // The nearest known name only: what was typed is not repeated, in case it is a key.
      const meant = nearestName(token.name, Object.keys(OPTIONS));
      throw new InputError(
        'arguments',
        `${where} is not an option coze-token knows${meant === undefined ? '' : `; did you mean --${meant}?`} (coze-token --help lists them); it is not repeated here, in case it is a key`,
      );
    }
    const flag = `--${token.name}`;
    if (spec.type === 'boolean' && token.value !== undefined) throw new InputError(flag, `takes no value (${where})`);
    // --private-key takes only -, and says so below whatever it was given.
    if (spec.type === 'string' && token.name !== 'private-key' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))) {
      throw new InputError(flag, `needs a value (${where}); for a value that starts with a dash, write ${flag}=VALUE`);
    }
  }
  const keyFlag = values['private-key'];
  if (keyFlag !== undefined && keyFlag !== '-') {
    throw new InputError(
      '--private-key',
      'takes only - (read the key from standard input); a key on the command line would land in shell history and process lists. Use --private-key-file or COZE_PRIVATE_KEY',
    );
  }
  const positionalIndexes = tokens.flatMap((token) => (token.kind === 'positional' ? [token.index] : []));
  return { values, positionals, positionalIndexes };
}

function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return EXIT.badInput;
  if (error instanceof NetworkError) return EXIT.network;
  return EXIT.refused;
}

interface KeyText {
  /** How the user gave the key, as messages name it: --private-key-file, COZE_PRIVATE_KEY, ... */
  source: string | undefined;
  text: string;
}

/** One source of the key at a time; two at once is an error naming both, as is a source that gives nothing. */
async function readPrivateKey(flag: string | undefined, file: string | undefined, io: CliIo, timeLeftMs: number): Promise<KeyText> {
  const { COZE_PRIVATE_KEY_FILE: envFile, COZE_PRIVATE_KEY: envKey } = io.env;
  const given = [
    flag === '-' && { source: '--private-key -', read: () => readBounded(io.stdin(), '--private-key -', timeLeftMs) },
    file !== undefined && { source: '--private-key-file', read: () => readFile(io, file, '--private-key-file', timeLeftMs) },
    envFile && { source: 'COZE_PRIVATE_KEY_FILE', read: () => readFile(io, envFile, 'COZE_PRIVATE_KEY_FILE', timeLeftMs) },
    envKey && { source: 'COZE_PRIVATE_KEY', read: async () => envKey },
  ].filter((source) => source !== false && source !== undefined && source !== '');
  if (given.length > 1) {
    throw new InputError(
      given.map((source) => source.source),
      'each give the private key: use one of them (unset the environment variable, or drop the option)',
    );
  }
  const [source] = given;
  if (!source) return { source: undefined, text: '' };
  const text = await source.read();
  if (text.trim() === '') throw new InputError(source.source, 'gave an empty private key: expected the PEM private key the Coze console let you download');
  return { source: source.source, text };
}

/** Why a file could not be read, in words, by the code Node gives. */
const UNREADABLE: Partial<Record<string, string>> = {
  ENOENT: 'there is no such file',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'the path has a loop of symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** The longest part of a path shown in a message; a path is never a secret, but a message stays one readable line. */
const MAX_SHOWN_PATH = 160;

/**
 * Whether what was given as a path is more likely the key itself: PEM armour, line breaks (which a path does not
 * have), or a long run of base64 between slashes. Such text is never shown.
 */
function looksLikeKey(path: string): boolean {
  // No path is this long (PATH_MAX is 4096): such text is taken for a key, before any pattern looks at it.
  if (path.length > 4096) return true;
  const base64 = (text: string) => text.length >= 40 && /^[A-Za-z0-9+/=]+$/.test(text) && /\d/.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text);
  return /-----(BEGIN|END)|PRIVATE KEY|[\r\n]/.test(path) || base64(path) || path.split(/[/\\]/).some(base64);
}

async function readFile(io: CliIo, path: string, source: string, timeLeftMs: number): Promise<string> {
  try {
    return await readBounded(io.openFile(path), source, timeLeftMs);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = String((error as { code?: unknown }).code);
    const reason = Object.hasOwn(UNREADABLE, code) ? (UNREADABLE[code] as string) : `it cannot be read${/^E[A-Z]+$/.test(code) ? ` (${code})` : ''}`;
    if (looksLikeKey(path)) {
      throw new InputError(
        source,
        `expected the path of a readable file holding the PEM private key; what it was given is not a file that can be read (${reason}), and looks like a key rather than a path, so it is not repeated here: give the key through COZE_PRIVATE_KEY or --private-key - instead`,
      );
    }
    throw new InputError(source, `cannot read "${outsideText(path, MAX_SHOWN_PATH) ?? ''}": ${reason}; expected a readable file holding the PEM private key`);
  }
}

/** At most MAX_KEY_BYTES, and only while the deadline lasts: /dev/zero, a FIFO without a writer or a terminal end here. */
async function readBounded(stream: ByteSource, source: string, timeLeftMs: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = stream[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, timeLeftMs));
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), timedOut]);
      if (next === 'timeout') throw new InputError(source, `gave no end of the key within ${term('deadline-seconds')}: expected a file or input that ends`);
      if (next.done) break;
      const chunk = Buffer.from(next.value);
      size += chunk.length;
      if (size > MAX_KEY_BYTES) throw new InputError(source, `holds more than ${MAX_KEY_BYTES / 1024} KiB, which is no private key (a PEM is a few KiB)`);
      chunks.push(chunk);
    }
  } finally {
    clearTimeout(timer);
    // Ends the stream (and its file) whether it was read to the end or given up on.
    void iterator.return?.()?.catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A problem with the key, named by the source it came from rather than by the setting. */
function inKeySource<T>(source: string | undefined, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (source && error instanceof InputError && error.inputs.length === 1 && error.input === 'private-key') throw new InputError(source, error.expected);
    throw error;
  }
}

function formatRows(report: RunReport): string {
  const rows = summaryRows(report);
  const width = Math.max(...rows.map(([name]) => name.length));
  return `${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`;
}
