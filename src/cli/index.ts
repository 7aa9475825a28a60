// The coze-token command, for any argv and io: mint prints the token, check proves it works and prints a report.
import { type ClockSkew, clockSkewReport, clockSkewWarning } from '../core/clock.js';
import { type InputName, readDeadline, readMintConfig } from '../core/config.js';
import type { MintedToken } from '../core/coze-response.js';
import { protectCredentials } from '../core/credentials.js';
import { explainError, InputError, NetworkError } from '../core/errors.js';
import { checkExpectedUser, parseExpectedUserId } from '../core/expected-user.js';
import { type MintDeps, mintToken } from '../core/mint.js';
import { missingSecretsHint } from '../core/missing-secrets.js';
import { ownRecord } from '../core/own.js';
import { configReport, mintedReport, type RunReport, summaryRows, verifiedReport } from '../core/report.js';
import { deadlineFrom } from '../core/retry.js';
import { verifyToken } from '../core/verify.js';
import { VERSION } from '../core/version.js';
import { createRedactor, type Redactor } from '../safe-text/redactor.js';
import { cliEnvironmentVariable, inTermsOf, nameOf } from '../safe-text/terms.js';
import { type CommandLine, npmHint, npmTookFlags, parseCommandLine } from './arguments.js';
import { EXIT, HELP } from './help.js';
import { inSecretSources, type KeyIo, readOAuthConfig, readPrivateKey } from './key-file.js';

export { EXIT, HELP } from './help.js';
export type { ByteSource } from './key-file.js';

export interface CliIo extends KeyIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A run's words: everything written but the token itself, in the command line's words, without any secret. */
interface Voice {
  out: (text: string) => void;
  err: (text: string) => void;
  /** From when the key is read, messages name where it came from rather than every place it could have. */
  keySource?: string | undefined;
  /** What the run learned on the way, such as how far the clocks differ. */
  report?: RunReport;
}

export async function runCli(argv: string[], io: CliIo, runDeps: MintDeps): Promise<number> {
  const startedMs = runDeps.now();
  const redactor = createRedactor();
  const inOwnWords = (text: string) => {
    const words = inTermsOf('cli', text);
    return voice.keySource === undefined ? words : words.replaceAll(nameOf('private-key', 'cli'), voice.keySource);
  };
  // Redacted first: an id it cuts out becomes a term, written in the command line's words with the rest.
  const say = (write: (text: string) => void) => (text: string) => write(inOwnWords(redactor.redact(text)));
  const voice: Voice = { out: say(io.out), err: say(io.err) };
  const deps: MintDeps = ownRecord({
    ...runDeps,
    log: (message: string) => voice.err(`${message}\n`),
    onSecret: (secret: string) => redactor.add(secret),
    redact: (text: string) => redactor.redact(text),
    onClockSkew: (skew: ClockSkew) => {
      voice.err(`warning: ${clockSkewWarning(skew)}\n`);
      voice.report = clockSkewReport(skew);
    },
  });
  let command: 'mint' | 'check' | undefined;
  let json = false;
  try {
    const line = parseCommandLine(argv);
    json = line.values.json === true;
    if (line.values.verbose) deps.debug = (message) => voice.err(`${message}\n`);
    if (line.values.help || line.values.version) {
      io.out(line.values.help ? HELP : `${VERSION}\n`);
      return EXIT.ok;
    }
    if (line.positionals.length === 0) {
      io.err(HELP);
      return EXIT.badInput;
    }
    command = commandOf(line.positionals);
    checkNoArguments(command, line);
    return await runCommand(command, line, io, deps, voice, redactor, startedMs);
  } catch (error) {
    const { problem, ...explained } = explainError(error, 'cli');
    const hint = error instanceof InputError && npmTookFlags(io.env) ? npmHint(command) : explained.hint;
    voice.err(`coze-token${command ? ` ${command}` : ''}: ${problem}\n${hint ? `hint: ${hint}\n` : ''}`);
    if (json && command === 'check')
      voice.out(`${JSON.stringify({ ok: false, error: problem, ...(hint && { hint }) })}\n`);
    return exitCodeFor(error);
  }
}

function commandOf([named]: string[]): 'mint' | 'check' {
  if (named !== 'mint' && named !== 'check')
    throw new InputError('command', 'expected mint or check (coze-token --help lists the options)');
  return named;
}

function checkNoArguments(command: string, { positionals, positionalIndexes }: CommandLine): void {
  if (positionals.length < 2) return;
  throw new InputError(
    'arguments',
    `argument ${(positionalIndexes[1] as number) + 1} is unexpected: coze-token ${command} takes no arguments but ` +
      `options (coze-token --help lists them); it is not repeated here, in case it is a key`,
  );
}

async function runCommand(
  command: 'mint' | 'check',
  { values }: CommandLine,
  io: CliIo,
  deps: MintDeps,
  voice: Voice,
  redactor: Redactor,
  startedMs: number,
): Promise<number> {
  // A flag, else its environment variable: the settings table names both.
  const text = (name: string) =>
    typeof values[name] === 'string' ? values[name] : io.env[cliEnvironmentVariable(name) ?? ''];
  // Parsed once, first.
  const deadlineRead = readDeadline(text('deadline-seconds'));
  // A bad deadline is told before any file is read: the default would bound a file that never ends instead.
  if (deadlineRead.problem) throw deadlineRead.problem;
  const within = () => ({
    leftMs: startedMs + deadlineRead.deadlineMs - deps.now(),
    seconds: deadlineRead.deadlineMs / 1000,
  });
  const oauthConfig = await readOAuthConfig(values['oauth-config-file'] as string | undefined, io, within());
  const key = await readPrivateKey(
    values['private-key'] as string | undefined,
    values['private-key-file'] as string | undefined,
    io,
    within(),
  );
  protectCredentials(redactor, {
    appId: text('app-id'),
    publicKeyId: text('public-key-id'),
    privateKey: key.text,
    oauthConfig: oauthConfig.text,
  });
  voice.keySource = key.source;
  const secrets = { 'private-key': key, 'oauth-config': oauthConfig };
  const given = (name: InputName) =>
    Object.hasOwn(secrets, name) ? secrets[name as keyof typeof secrets].text : (text(name) ?? '');
  const config = inSecretSources(secrets, () => readMintConfig(given, deadlineRead, () => missingSecretsHint(io.env)));
  const expectedUserId = parseExpectedUserId(text('expected-user-id') ?? '', command === 'check');
  const deadline = deadlineFrom(config.deadlineMs, startedMs);
  const minted = await mintToken(config, deps, deadline);
  if (command === 'mint') {
    // The token is the one thing written as it is; the rest of the line goes through the redactor like any other.
    io.out(values.json === true ? `${mintJson(minted, (field) => redactor.redact(field))}\n` : `${minted.token}\n`);
    return EXIT.ok;
  }
  const verification = await verifyToken(minted.token, config, deps, deadline);
  checkExpectedUser(verification, expectedUserId);
  const report = { ...configReport(config), ...mintedReport(minted), ...verifiedReport(verification), ...voice.report };
  voice.out(values.json === true ? jsonReport(report, minted) : formatRows(report));
  return EXIT.ok;
}

/** mint --json: the token, and beside it Coze's log id redacted as any outside text. */
function mintJson({ token, expiresAt, expiresIn, logId }: MintedToken, redact: (text: string) => string): string {
  const shownLogId = logId === undefined ? undefined : inTermsOf('cli', redact(logId));
  return JSON.stringify({
    token,
    expiresAt: expiresAt.toISOString(),
    expiresIn,
    ...(shownLogId && { logId: shownLogId }),
  });
}

/** check --json: what the check learned, never the token. */
function jsonReport(report: RunReport, minted: Pick<MintedToken, 'expiresAt' | 'expiresIn'>): string {
  const { baseUrl, audience, sessionName, verification, userId, userName, logId, clockSkewSeconds } = report;
  const expiresAt = minted.expiresAt.toISOString();
  const { expiresIn } = minted;
  const fields = {
    ok: true,
    baseUrl,
    audience,
    sessionName,
    expiresAt,
    expiresIn,
    verification,
    userId,
    userName,
    logId,
    clockSkewSeconds,
  };
  return `${JSON.stringify(fields)}\n`;
}

function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return EXIT.badInput;
  if (error instanceof NetworkError) return EXIT.network;
  return EXIT.refused;
}

function formatRows(report: RunReport): string {
  const rows = summaryRows(report);
  const width = Math.max(...rows.map(([name]) => name.length));
  return `${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`;
}
