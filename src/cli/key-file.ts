// The CLI's secret files: the private key from one of its four sources, and the console's config file, each read
// within the key parser's size bound and the deadline.
import { InputError } from '../core/errors.js';
import { MAX_PATH_LENGTH, NAMES_A_FILE } from '../core/file-name.js';
import { KEY_TOO_LONG, MAX_PRIVATE_KEY_LENGTH } from '../core/private-key.js';
import { outsideText } from '../safe-text/outside.js';
import { cliEnvironmentVariable, setting } from '../safe-text/terms.js';

/** Where the key comes from: a stream of its bytes, which the command reads within bounds. */
export type ByteSource = AsyncIterable<Uint8Array | string>;

export interface KeyIo {
  env: Record<string, string | undefined>;
  stdin: () => ByteSource;
  openFile: (path: string) => ByteSource;
}

/** How long a source may take: the time left of the deadline, and the deadline as the user set it, for messages. */
export interface ReadWithin {
  leftMs: number;
  seconds: number;
}

export interface SecretText {
  /** How the user gave the secret, as messages name it: --private-key-file, COZE_PRIVATE_KEY, ... */
  source: string | undefined;
  text: string;
}

/** One source of the key at a time; two at once is an error naming both, as is a source that gives nothing. */
export async function readPrivateKey(
  flag: string | undefined,
  file: string | undefined,
  io: KeyIo,
  within: ReadWithin,
): Promise<SecretText> {
  const { COZE_PRIVATE_KEY_FILE: envFile, COZE_PRIVATE_KEY: envKey } = io.env;
  const given = [
    flag === '-' && { source: '--private-key -', read: () => readBounded(io.stdin(), '--private-key -', within) },
    file !== undefined && {
      source: '--private-key-file',
      read: () => readFile(io, file, '--private-key-file', within),
    },
    envFile && {
      source: 'COZE_PRIVATE_KEY_FILE',
      read: () => readFile(io, envFile, 'COZE_PRIVATE_KEY_FILE', within),
    },
    envKey && { source: 'COZE_PRIVATE_KEY', read: async () => envKey },
  ].filter((source) => source !== false && source !== undefined && source !== '');
  if (given.length > 1) {
    const sources = given.map((source) => source.source);
    const variables = sources.filter((source) => !source.startsWith('--')).length;
    const options = sources.length - variables;
    const remedy =
      variables === 0
        ? 'drop one of the options'
        : options === 0
          ? 'unset one of the environment variables'
          : `unset the environment variable${variables > 1 ? 's' : ''}, or drop the option${options > 1 ? 's' : ''}`;
    throw new InputError(sources, `each give the private key: use one of them (${remedy})`);
  }
  const [source] = given;
  if (!source) return { source: undefined, text: '' };
  const text = await source.read();
  if (text.trim() === '')
    throw new InputError(
      source.source,
      'gave an empty private key: expected the PEM private key the Coze console let you download',
    );
  return { source: source.source, text };
}

/** The console's coze_oauth_config.json: from --oauth-config-file, or its JSON in COZE_OAUTH_CONFIG; one of them. */
export async function readOAuthConfig(file: string | undefined, io: KeyIo, within: ReadWithin): Promise<SecretText> {
  const fromEnvironment = io.env.COZE_OAUTH_CONFIG ?? '';
  if (file === undefined) {
    return { source: fromEnvironment === '' ? undefined : 'COZE_OAUTH_CONFIG', text: fromEnvironment };
  }
  if (fromEnvironment !== '') {
    const both = ['--oauth-config-file', 'COZE_OAUTH_CONFIG'];
    throw new InputError(
      both,
      'each give the oauth config: use one of them (unset the environment variable, or drop the option)',
    );
  }
  const text = await readFile(io, file, '--oauth-config-file', within, CONFIG_FILE);
  if (text.trim() === '')
    throw new InputError('--oauth-config-file', `gave an empty file: expected ${CONFIG_FILE.holding}`);
  return { source: '--oauth-config-file', text };
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
  // No path is this long: such text is taken for a key, before any pattern looks at it.
  if (path.length > MAX_PATH_LENGTH) return true;
  const base64 = (text: string) =>
    text.length >= 40 && /^[A-Za-z0-9+/=]+$/.test(text) && /\d/.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text);
  return /-----(BEGIN|END)|PRIVATE KEY|[\r\n]/.test(path) || base64(path) || path.split(/[/\\]/).some(base64);
}

/** What a file should hold, and where to give it when what was given looks like its content rather than a path. */
interface FileKind {
  holding: string;
  /** The thing itself, in "gave no end of …". */
  noun: string;
  tooLong: string;
  looksLike: string;
  instead: string;
}
const KEY_FILE: FileKind = {
  holding: 'the PEM private key',
  noun: 'the key',
  tooLong: KEY_TOO_LONG,
  looksLike: 'a key',
  instead: 'give the key through COZE_PRIVATE_KEY or --private-key - instead',
};
const CONFIG_FILE: FileKind = {
  holding: 'the coze_oauth_config.json the Coze console gives',
  noun: 'the file',
  tooLong: `holds more than ${MAX_PRIVATE_KEY_LENGTH / 1024} KiB, which no coze_oauth_config.json does`,
  looksLike: "the file's text",
  instead: 'give its text through COZE_OAUTH_CONFIG instead',
};

async function readFile(io: KeyIo, path: string, source: string, within: ReadWithin, kind = KEY_FILE): Promise<string> {
  try {
    return await readBounded(io.openFile(path), source, within, kind);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = String((error as { code?: unknown }).code);
    const reason = Object.hasOwn(UNREADABLE, code)
      ? (UNREADABLE[code] as string)
      : `it cannot be read${/^E[A-Z]+$/.test(code) ? ` (${code})` : ''}`;
    if (looksLikeKey(path) || (kind === CONFIG_FILE && path.includes('{'))) {
      throw new InputError(
        source,
        `expected the path of a readable file holding ${kind.holding}; what it was given is not a file that can ` +
          `be read (${reason}), and looks like ${kind.looksLike} rather than a path, so it is not repeated here: ` +
          kind.instead,
      );
    }
    throw new InputError(
      source,
      `cannot read "${outsideText(path, MAX_SHOWN_PATH) ?? ''}": ${reason}; expected a readable file holding ` +
        kind.holding,
    );
  }
}

/**
 * At most MAX_PRIVATE_KEY_LENGTH bytes, and only while the deadline lasts: /dev/zero, a FIFO without a writer or a
 * terminal end here.
 */
async function readBounded(stream: ByteSource, source: string, within: ReadWithin, kind = KEY_FILE): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = stream[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, within.leftMs));
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), timedOut]);
      if (next === 'timeout')
        throw new InputError(
          source,
          `gave no end of ${kind.noun} within ${setting('deadline-seconds', String(within.seconds))}: expected a ` +
            'file or input that ends',
        );
      if (next.done) break;
      const chunk = Buffer.from(next.value);
      size += chunk.length;
      if (size > MAX_PRIVATE_KEY_LENGTH) throw new InputError(source, kind.tooLong);
      chunks.push(chunk);
    }
  } finally {
    clearTimeout(timer);
    // Ends the stream (and its file) whether it was read to the end or given up on.
    // A hand-made source's return() may give no promise.
    void iterator.return?.()?.catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The secrets the command reads from a source of their own, each with where it came from. */
export type SecretSources = Partial<Record<'private-key' | 'oauth-config', SecretText>>;

/** Where a file's name goes instead of the setting's own variable, which takes the text. */
const FILE_GOES_TO: Readonly<Record<keyof SecretSources, string>> = {
  'private-key': '--private-key-file (or COZE_PRIVATE_KEY_FILE)',
  'oauth-config': '--oauth-config-file',
};

/**
 * A problem with the key or the config file, named by the source it came from rather than by the setting; a file's
 * name given where its text goes is told where a name goes.
 */
export function inSecretSources<T>(sources: SecretSources, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError) || error.inputs.length !== 1) throw error;
    const secret = error.input as keyof SecretSources;
    const source = Object.hasOwn(sources, secret) ? sources[secret]?.source : undefined;
    if (!source) throw error;
    const namesFile = source === cliEnvironmentVariable(secret) && error.expected.startsWith(NAMES_A_FILE);
    const where = namesFile ? `; a file's name goes to ${FILE_GOES_TO[secret]}` : '';
    throw new InputError(source, `${error.expected}${where}`);
  }
}
