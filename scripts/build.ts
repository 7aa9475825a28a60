// npm run build: TypeScript to build/, then three ncc bundles in dist/, every file of them minified with terser.
//   dist/index.js   the action (runs.main); octokit is a chunk of its own, loaded only for issue-on-failure
//   dist/lib/       the library (package.json "exports"), with the CLI's code
//   dist/cli/       the coze-token command: a Node check, then dist/lib
// ncc minifies entry files only, so terser goes over everything, chunks included.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const bin = (pkg: string, path: string) => join(require.resolve(`${pkg}/package.json`), '..', path);
const run = (script: string, args: string[]) => execFileSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });

for (const folder of ['build', 'dist']) rmSync(join(ROOT, folder), { recursive: true, force: true });
run(bin('typescript', 'bin/tsc'), ['-p', 'tsconfig.build.json']);
const ncc = bin('@vercel/ncc', 'dist/ncc/cli.js');
run(ncc, ['build', 'build/src/index.js', '-o', 'dist', '-q', '--license', 'licenses.txt']);
run(ncc, ['build', 'build/src/lib-entry.js', '-o', 'dist/lib', '-q']);
run(ncc, ['build', 'build/src/cli-main.js', '-o', 'dist/cli', '-q']);

function scripts(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'types' ? [] : scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

// Node prints the source line of an uncaught error's top frame, which in a minified file is the whole bundle; it
// leaves out a line that holds this marker (as its own internals do). Each library file is one line, so one
// marker at its start covers all of it; the test of uncaught errors would fail if a file grew a second line.
const NO_SOURCE_LINE = '/* node-do-not-add-exception-line */';

for (const file of scripts(join(ROOT, 'dist'))) {
  const { code } = await minify(readFileSync(file, 'utf8'), {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    // Node names an uncaught error by its class: CozeError, not a minified letter.
    keep_classnames: /^(CozeError|InputError|NetworkError)$/,
    format: { comments: false },
  });
  const library = file.startsWith(join(ROOT, 'dist', 'lib'));
  writeFileSync(file, `${library ? NO_SOURCE_LINE : ''}${code}\n`);
}
