// The CLI's --help as a user reads it: every option, its placeholder, its words and its variable, in one place.
import { expect, it } from 'vitest';
import { HELP, helpLine } from '../../src/cli/help.ts';

it("lists the options in the table's order, each with its placeholder, help and variable, aligned", () => {
  const options = HELP.slice(HELP.indexOf('Options, and'), HELP.indexOf('\nExit codes')).trimEnd().split('\n');
  expect(options).toEqual([
    'Options, and the environment variables they may come from instead:',
    "  --oauth-config-file PATH  the console's coze_oauth_config.json      COZE_OAUTH_CONFIG (the JSON)",
    "  --app-id ID               the OAuth app's id                        COZE_APP_ID",
    "  --public-key-id ID        the public key's fingerprint (公钥指纹)   COZE_PUBLIC_KEY_ID",
    "  --private-key-file PATH   the app's private key, PEM                COZE_PRIVATE_KEY_FILE",
    '  --private-key -           read the private key from standard input  COZE_PRIVATE_KEY (the PEM)',
    '  --base-url URL            https://api.coze.cn (default) or https://api.coze.com',
    '                                                                      COZE_API_BASE',
    "  --audience AUD            the JWT's aud (default: the host name of --base-url)",
    '  --duration-seconds N      token lifetime, 1 to 86399 (default 900)',
    "  --session-name NAME       the JWT's session_name",
    "  --scope JSON              a JSON object sent as the request's scope",
    "  --session-context JSON    a JSON object sent as the JWT's session_context",
    '  --account-id ID           an organisation id: use /api/permission/oauth2/account/{id}/token',
    '  --enterprise-id ID        an enterprise id (volcano_...): use its endpoint; not with --account-id',
    '  --expected-user-id ID     check: fail unless the token acts for this Coze user id',
    '  --timeout-seconds N       limit for one HTTP attempt (default 30)',
    '  --deadline-seconds N      limit for the whole command, every attempt and wait (default 120)',
    '  --retries N               extra attempts after network errors and transient answers (default 3)',
    '  --verbose                 one line per HTTP attempt on stderr (never a secret)',
    '  --json                    mint: {"token","expiresAt","expiresIn","logId"}; check: a JSON report',
    '  -h, --help                this text',
    '  --version                 the version',
  ]);
  expect(HELP).toContain('  coze-token check --oauth-config-file coze_oauth_config.json\n');
});

it('puts the variable under a help text that fills its column, counting a wide character as two', () => {
  const full = 'h'.repeat(42);
  expect(helpLine(['--x N', full, 'COZE_X'])).toBe(`  --x N${' '.repeat(21)}${full}\n${' '.repeat(70)}COZE_X`);
  expect(helpLine(['--x N', full.slice(1), 'COZE_X'])).toBe(`  --x N${' '.repeat(21)}${full.slice(1)} COZE_X`);
  expect(helpLine(['--x N', `${'h'.repeat(38)}公钥`, 'COZE_X'])).toContain('\n');
  expect(helpLine(['--x', 'help', ''])).toBe(`  --x${' '.repeat(23)}help`);
});
