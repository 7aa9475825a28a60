// The command line's arguments, parsed by the flags the settings table gives the CLI; what was typed is never echoed.
import { parseArgs } from 'node:util';
import { InputError } from '../core/errors.js';
import { nearestName } from '../core/option-names.js';
import { SETTINGS, settingsOf, specOf } from '../core/settings.js';

const OPTIONS = {
  ...Object.fromEntries(
    settingsOf('cli')
      .filter((name) => name !== 'oauth-config')
      .map((name) => [name, { type: 'string' as const }]),
  ),
  'private-key-file': { type: 'string' },
  'oauth-config-file': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** The settings the command line reads from a file, by the flag that names the file. */
const FILE_FLAGS: Partial<Record<string, string>> = {
  'private-key': 'private-key-file',
  'oauth-config': 'oauth-config-file',
};

/**
 * Names from other tools that mean one of ours, from the settings table: --key-id is --public-key-id, and a name for
 * the key or the config file (--key, --config) is the flag of its file. A setting's own name is near enough to its
 * file's flag (--oauth-config, --oauth-config-file) for nearestName.
 */
const ALIASES: Record<string, string> = Object.fromEntries(
  settingsOf('cli').flatMap((name) => {
    const flag = FILE_FLAGS[name] ?? name;
    return (specOf(name).aliases ?? []).map((alias) => [alias, flag]);
  }),
);

/** Where a key belongs, for a key given to a flag that takes something else (a path, an id). */
const PEM_INSTEAD = 'give the key through COZE_PRIVATE_KEY or --private-key - (standard input) instead';

/** What the command line does instead, for a setting of another surface that someone types as a flag. */
const INSTEAD: Partial<Record<string, string>> = { verify: 'coze-token check mints a token and verifies it' };

/**
 * Whether npm took the command's flags for its own config (npm run coze-token mint --app-id …, without the --):
 * npm then hands them to no one, and sets npm_config_app_id and the like instead. Only the flags' own names, none
 * that npm has a config of (scope; the aliases timeout and scopes), which an .npmrc may set.
 */
export function npmTookFlags(env: Record<string, string | undefined>): boolean {
  const ours = new Set([...Object.keys(SETTINGS), ...Object.values(FILE_FLAGS)]);
  ours.delete('scope');
  return Object.keys(env).some(
    (name) => name.startsWith('npm_config_') && ours.has(name.slice(11).replaceAll('_', '-')),
  );
}

export const npmHint = (command = 'mint') =>
  "npm kept the options for itself, as it does with those before a --: put -- after the script's name, as in " +
  `npm run coze-token -- ${command} --app-id …`;

export interface CommandLine {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  positionalIndexes: number[];
}

/**
 * The arguments, checked by their position: an argument the command does not know is never repeated, since it may
 * be a key pasted in the wrong place.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const where = `argument ${token.index + 1}`;
    const spec = Object.hasOwn(OPTIONS, token.name)
      ? (OPTIONS as Record<string, { type: string }>)[token.name]
      : undefined;
    if (!spec) throw unknownOption(token.name, where);
    const flag = `--${token.name}`;
    if (spec.type === 'boolean' && token.value !== undefined) throw new InputError(flag, `takes no value (${where})`);
    // A key pasted after a flag that takes something else: parseArgs took it for the value, as no = joined them.
    if (token.name !== 'private-key' && !token.inlineValue && token.value?.startsWith('-----')) {
      throw new InputError(
        flag,
        `was given what looks like a PEM key (${where}), which is not repeated here: ${PEM_INSTEAD}`,
      );
    }
    // --private-key takes only -, and says so below whatever it was given.
    if (
      spec.type === 'string' &&
      token.name !== 'private-key' &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
    ) {
      throw new InputError(flag, `needs a value (${where}); for a value that starts with a dash, write ${flag}=VALUE`);
    }
  }
  const keyFlag = values['private-key'];
  if (keyFlag !== undefined && keyFlag !== '-') {
    throw new InputError(
      '--private-key',
      'takes only - (read the key from standard input); a key on the command line would land in shell history and ' +
        'process lists. Use --private-key-file or COZE_PRIVATE_KEY',
    );
  }
  const positionalIndexes = tokens.flatMap((token) => (token.kind === 'positional' ? [token.index] : []));
  // Own properties only, in an object without a prototype, so that nothing inherited is ever taken for a flag.
  return { values: Object.assign(Object.create(null), values), positionals, positionalIndexes };
}

function unknownOption(name: string, where: string): InputError {
  if (Object.hasOwn(SETTINGS, name) && !(settingsOf('cli') as string[]).includes(name)) {
    const instead = INSTEAD[name];
    return new InputError(
      `--${name}`,
      `is an input of the action, not an option of coze-token${instead ? `: ${instead}` : ''} (${where})`,
    );
  }
  // The nearest known name only: what was typed is not repeated, in case it is a key.
  const meant = nearestName(name, Object.keys(OPTIONS), ALIASES);
  return new InputError(
    'arguments',
    `${where} is not an option coze-token knows${meant === undefined ? '' : `; did you mean --${meant}?`} ` +
      '(coze-token --help lists them); it is not repeated here, in case it is a key',
  );
}
