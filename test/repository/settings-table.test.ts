// The settings table against every place a setting is written down: action.yml, the reusable workflow, the CLI's
// --help and flags, the library's options and its published types. Adding a setting to one and not the rest fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.ts';
import { optionName, SETTINGS, type Setting, type SettingSpec, settingsOf } from '../../src/core/settings.ts';
import { MINT_OPTIONS, SOURCE_OPTIONS } from '../../src/lib/options.ts';
import { ROOT } from '../support/paths.ts';
import { call, readYaml } from '../support/reusable-workflow.ts';

const table = SETTINGS as Record<Setting, SettingSpec>;
const action = readYaml('action.yml') as { inputs: Record<string, { required?: boolean; default?: string }> };

describe('the settings table', () => {
  it("names action.yml's inputs, in its order, with their defaults; none is required, as oauth-config may stand in", () => {
    expect(Object.keys(action.inputs)).toEqual(settingsOf('action'));
    for (const name of settingsOf('action')) {
      // base-url's default applies in the config, so that a config file's own site is not taken for a base-url given.
      const written = name === 'base-url' ? undefined : table[name].default;
      expect([name, action.inputs[name]?.default]).toEqual([name, written]);
      expect([name, action.inputs[name]?.required]).toEqual([name, false]);
    }
    expect(table['base-url'].default).toBe('https://api.coze.cn');
    expect(settingsOf('action').filter((name) => table[name].required)).toEqual([
      'app-id',
      'public-key-id',
      'private-key',
    ]);
  });

  it('gives the reusable workflow its inputs and secrets as the table says', () => {
    const inputs = Object.keys(call.inputs).filter((name) => name !== 'runs-on' && name !== 'check-name');
    expect(inputs.sort()).toEqual(
      settingsOf('action')
        .filter((name) => table[name].workflow === 'input')
        .sort(),
    );
    const secrets = Object.keys(call.secrets);
    expect(secrets.sort()).toEqual(
      settingsOf('action')
        .filter((name) => table[name].workflow === 'secret')
        .sort(),
    );
    for (const name of secrets) expect([name, table[name as Setting].secret]).toEqual([name, true]);
  });

  it("lists every CLI setting in --help with its variable, and the key's sources", () => {
    for (const name of settingsOf('cli')) {
      if (name === 'private-key' || name === 'oauth-config') continue;
      // Its placeholder in --help: every setting of the command line but the two read from files has one.
      expect([name, table[name].metavar]).toEqual([name, expect.stringMatching(/^[A-Z]+$/)]);
      const line = HELP.split('\n').findIndex((text) => text.startsWith(`  --${name} `));
      expect([name, line]).not.toEqual([name, -1]);
      const env = table[name].env;
      if (env)
        expect(
          HELP.split('\n')
            .slice(line, line + 2)
            .join('\n'),
        ).toContain(env);
    }
    const sources = [
      '--private-key-file PATH',
      '--private-key -',
      'COZE_PRIVATE_KEY_FILE',
      'COZE_PRIVATE_KEY (the PEM)',
    ];
    for (const source of [...sources, '--oauth-config-file PATH', 'COZE_OAUTH_CONFIG (the JSON)']) {
      expect(HELP).toContain(source);
    }
    expect(settingsOf('cli')).not.toContain('verify');
  });

  it('gives the library every library setting under its option name, with a type of its kind, and nothing else but log', () => {
    expect(Object.keys(MINT_OPTIONS)).toEqual([...settingsOf('library').map(optionName), 'log']);
    expect(MINT_OPTIONS).toMatchObject({
      appId: 'string',
      durationSeconds: 'number',
      scope: 'object',
      verify: 'boolean',
    });
    const mintOnly = ['verify', 'expectedUserId'];
    expect(Object.keys(SOURCE_OPTIONS)).toEqual([
      ...Object.keys(MINT_OPTIONS).filter((name) => !mintOnly.includes(name)),
      'refreshSeconds',
    ]);
  });

  it("matches the library's published types: MintCozeTokenOptions declares exactly the options it checks", () => {
    const types = readFileSync(join(ROOT, 'dist/types/src/lib/mint.d.ts'), 'utf8');
    const body = /export interface MintCozeTokenOptions \{([\s\S]*?)\n\}/.exec(types)?.[1] ?? '';
    const declared = [...body.matchAll(/^ {4}(\w+)\??:/gm)].map((match) => match[1]);
    expect(declared).toEqual(Object.keys(MINT_OPTIONS));
  });

  it('keeps every secret setting out of the workflow inputs, and every alias pointing at one setting only', () => {
    for (const name of Object.keys(table) as Setting[])
      if (table[name].secret) expect([name, table[name].workflow]).not.toEqual([name, 'input']);
    const aliases = (Object.keys(table) as Setting[]).flatMap((name) => table[name].aliases ?? []);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const alias of aliases) expect(Object.keys(table)).not.toContain(alias);
  });
});
