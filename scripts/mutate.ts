// npm run mutate -- <part>: StrykerJS on one part of src/ (a folder, or a third of core/), each under an hour on 2 cores.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';

const ROOT = join(import.meta.dirname, '..');
/** What the config leaves out of every run: entry glue, exercised through dist/, which mutants never reach. */
const { default: strykerConfig } = (await import(new URL('../stryker.config.mjs', import.meta.url).href)) as {
  default: { mutate: string[] };
};
const LEFT_OUT = strykerConfig.mutate.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
const core = (...names: string[]) => names.map((name) => `src/core/${name}.ts`);

/** core/ is a third of src/'s mutants, so it is run in three parts of a kind each: settings, the exchange, answers. */
export const PARTS: Record<string, string[]> = {
  'core-settings': core(
    ...['settings', 'setting-spec', 'config', 'values', 'oauth-config', 'session-context', 'credentials'],
    ...['private-key', 'file-name', 'missing-secrets', 'option-names', 'own', 'json-text', 'duration', 'node-version'],
    'version',
  ),
  'core-exchange': core(
    ...['jwt', 'jti', 'clock', 'mint', 'verify', 'expected-user', 'http', 'sockets', 'lookup', 'exit', 'retry'],
    'network-errors',
  ),
  'core-answers': core('coze-response', 'answers', 'answer-parts', 'errors', 'report'),
  'safe-text': folder('safe-text'),
  action: folder('action'),
  alert: folder('alert'),
  lib: folder('lib'),
  cli: folder('cli'),
};

function folder(name: string): string[] {
  return readdirSync(join(ROOT, 'src', name))
    .map((file) => `src/${name}/${file}`)
    .filter((path) => path.endsWith('.ts') && !LEFT_OUT.includes(path));
}

const part = process.argv[2] ?? '';
const files = PARTS[part];
if (!files) {
  console.error(`Name a part of src/ to mutate: npm run mutate -- <part>, one of ${Object.keys(PARTS).join(', ')}.`);
  process.exit(2);
}
// Each part keeps its own results, so a rerun of it tests only the mutants and tests that changed since.
const result = await new Stryker({
  mutate: files,
  incrementalFile: `reports/stryker-incremental-${part}.json`,
  htmlReporter: { fileName: `reports/mutation/${part}.html` },
}).runMutationTest();
console.log(`${part}: ${result.length} mutants`);
