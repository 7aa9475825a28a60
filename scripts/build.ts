// npm run build: TypeScript to build/, then three ncc bundles in dist/, every file of them minified with terser.
//   dist/index.js   the action (runs.main); octokit is a chunk of its own, loaded only for issue-on-failure
//   dist/lib/       the library (package.json "exports"), with the CLI's code
//   dist/cli/       the coze-token command: a Node check, then dist/lib
// ncc minifies entry files only, so terser goes over everything, chunks included.
//   dist/THIRD-PARTY-NOTICES.txt   every package the three bundles carry, with its licence text, from the stats
//                                  ncc writes of what it included (scripts/notices.ts); each file's banner points
//                                  to it, and terser keeps the /*! banners of bundled code
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { type Bundle, type BundleStats, bundledPackages, NOTICES, noticeText } from './notices.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const bin = (pkg: string, path: string) => join(require.resolve(`${pkg}/package.json`), '..', path);
const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });

for (const folder of ['build', 'dist']) rmSync(join(ROOT, folder), { recursive: true, force: true });
run(bin('typescript', 'bin/tsc'), ['-p', 'tsconfig.build.json']);
const ncc = bin('@vercel/ncc', 'dist/ncc/cli.js');
const BUNDLES = [
  {
    entry: 'index',
    out: 'dist',
    title: 'the action (runs.main), with its chunks: octokit and the alert issues load only for issue-on-failure',
  },
  { entry: 'lib/entry', out: 'dist/lib', title: 'the library (package.json "exports"), with the CLI\'s code' },
  { entry: 'cli/bin', out: 'dist/cli', title: 'the coze-token command: a Node version check, then dist/lib/' },
];
mkdirSync(join(ROOT, 'build/stats'), { recursive: true });
const bundles: Bundle[] = BUNDLES.map(({ entry, out, title }) => {
  const statsFile = join(ROOT, 'build/stats', `${entry.replace('/', '-')}.json`);
  run(ncc, ['build', `build/src/${entry}.js`, '-o', out, '-q', '--stats-out', statsFile]);
  return { out, title, stats: JSON.parse(readFileSync(statsFile, 'utf8')) as BundleStats };
});
writeFileSync(join(ROOT, 'dist', NOTICES), noticeText(bundles, bundledPackages(ROOT, bundles)));

function scripts(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'types' ? [] : scripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

// The bundled packages' licences are in the notice file, to which each file's banner points. The action's bundle
// also keeps the /*! banners that some of the bundled code carries. The library's files do not: Node prints the
// source line of an uncaught error's top frame, which in a minified file is the whole bundle, and leaves out a line
// that holds the marker below (as its own internals do); so each library file stays one line, marker and banner
// first, and the notice file stands in for the banners (the test of uncaught errors fails if a file grows a line).
const banner = `/*! coze-token-action (MIT). Bundled packages and their licences: dist/${NOTICES} */`;
const NO_SOURCE_LINE = '/* node-do-not-add-exception-line */';

for (const file of scripts(join(ROOT, 'dist'))) {
  const library = file.startsWith(join(ROOT, 'dist', 'lib'));
  const { code } = await minify(readFileSync(file, 'utf8'), {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    // Node names an uncaught error by its class: CozeError, not a minified letter.
    keep_classnames: /^(CozeError|InputError|NetworkError)$/,
    format: library ? { comments: false } : { comments: /^!/, preamble: banner },
  });
  writeFileSync(file, `${library ? `${NO_SOURCE_LINE}${banner}` : ''}${code}\n`);
}
