// The CLI's --help, written from the settings table, and its exit codes.
import { SETTINGS, type Setting, type SettingSpec, settingsOf } from '../core/settings.js';
import { VERSION } from '../core/version.js';

export const EXIT = { ok: 0, refused: 1, badInput: 2, network: 3 } as const;

/** The CLI's own flags beside the settings: [flag as shown, help, environment variable]. */
const KEY_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['--private-key-file PATH', "the app's private key, PEM", 'COZE_PRIVATE_KEY_FILE'],
  ['--private-key -', 'read the private key from standard input', 'COZE_PRIVATE_KEY (the PEM)'],
];
const OUTPUT_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['--verbose', 'one line per HTTP attempt on stderr (never a secret)'],
  ['--json', 'mint: {"token","expiresAt","expiresIn","logId"}; check: a JSON report'],
  ['-h, --help', 'this text'],
  ['--version', 'the version'],
];

/** Columns a terminal gives the text: East Asian wide characters (公钥指纹) take two. */
const columns = (text: string) =>
  text.length + (text.match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/g) ?? []).length;
const padded = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columns(text)));

const FLAG_WIDTH = 26;
const HELP_WIDTH = 42;

/**
 * One row of the options: the flag, its help, and its variable in a column of their own; a help line too long to
 * leave room for the variable puts it on a line of its own, under the others.
 */
export function helpLine([flag, help, env]: readonly [string, string, string]): string {
  if (!env) return `  ${flag.padEnd(FLAG_WIDTH)}${help}`;
  if (columns(help) >= HELP_WIDTH)
    return `  ${flag.padEnd(FLAG_WIDTH)}${help}\n${' '.repeat(2 + FLAG_WIDTH + HELP_WIDTH)}${env}`;
  return `  ${flag.padEnd(FLAG_WIDTH)}${padded(help, HELP_WIDTH)}${env}`;
}

function optionRows(): string[] {
  const rows = settingsOf('cli').flatMap((name: Setting): ReadonlyArray<readonly [string, string, string]> => {
    // Every setting of the command line has a placeholder (the settings table's tests hold it to that).
    const spec: SettingSpec = SETTINGS[name];
    if (name === 'private-key') return KEY_ROWS;
    if (name === 'oauth-config')
      return [['--oauth-config-file PATH', "the console's coze_oauth_config.json", 'COZE_OAUTH_CONFIG (the JSON)']];
    return [[`--${name} ${spec.metavar}`, spec.help, spec.env ?? '']];
  });
  return [...rows, ...OUTPUT_ROWS.map(([flag, help]) => [flag, help, ''] as const)].map(helpLine);
}

export const HELP = `coze-token ${VERSION}: mint a short-lived Coze access token from a JWT OAuth app.

Usage:
  coze-token mint  [options]   print the token
  coze-token check [options]   mint, prove the token works with /v1/users/me, print a report
                               (never the token)

Options, and the environment variables they may come from instead:
${optionRows().join('\n')}

Exit codes: 0 ok, 1 refused by Coze, 2 bad input, 3 network (Coze not reached or no answer in time).

Examples:
  coze-token check --app-id 1183520381944 --public-key-id "$KID" --private-key-file private_key.pem
  coze-token check --oauth-config-file coze_oauth_config.json
  export COZE_API_TOKEN="$(coze-token mint --private-key - < private_key.pem)"
`;
