// dist/THIRD-PARTY-NOTICES.txt against what the bundler includes: the three bundles are built again from build/src
// (npm run build leaves it there) with webpack's stats, and every package a stats module comes from must be listed
// for its bundle and given its licence text. Read here on its own, not with scripts/notices.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const BUNDLES = { dist: 'index', 'dist/lib': 'lib/entry', 'dist/cli': 'cli/bin' } as const;
type Out = keyof typeof BUNDLES;
type Module = { name: string; modules?: Module[] };

const temp = mkdtempSync(join(tmpdir(), 'coze-notices-'));
const notice = readFileSync(join(ROOT, 'dist/THIRD-PARTY-NOTICES.txt'), 'utf8');
const carried = new Map<Out, string[]>();
/** "name version" → its folder. */
const folders = new Map<string, string>();

/** "name version" of every package under node_modules/ that a module of the stats comes from. */
function packagesOf(stats: { modules: Module[] }): string[] {
  const names = (module: Module): string[] => [module.name, ...(module.modules ?? []).flatMap(names)];
  const found = stats.modules
    .flatMap(names)
    .filter((name) => name.includes('node_modules/'))
    .map((name) => {
      const parts = name.split('/');
      const at = parts.lastIndexOf('node_modules');
      return parts.slice(0, at + ((parts[at + 1] as string).startsWith('@') ? 3 : 2)).join('/');
    });
  return [...new Set(found)]
    .map((folder) => {
      const { name, version } = JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      folders.set(`${name} ${version}`, folder);
      return `${name} ${version}`;
    })
    .filter((id, index, all) => all.indexOf(id) === index)
    .sort();
}

/** The packages the notice lists under a bundle's heading. */
function listed(text: string, out: Out): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${out}/: `));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('  '));
  return lines
    .slice(start + 1, end)
    .map((line) => line.trim().replace(/ \([^)]*\)$/, ''))
    .filter((line) => line !== 'no third-party package')
    .sort();
}

/** What the notice leaves out of a bundle: a package not listed for it, or one without a section of its own. */
function missing(text: string, out: Out, packages: string[]): string[] {
  const sections = new Set(text.split(`${'-'.repeat(100)}\n`).map((section) => section.split('\n')[0]));
  return packages.filter((id) => !listed(text, out).includes(id) || !sections.has(id));
}

/** The licence file a package ships. */
function licenseOf(id: string): string {
  const folder = join(ROOT, folders.get(id) as string);
  const file = readdirSync(folder).find((entry) => /^licen[cs]e/i.test(entry)) as string;
  return readFileSync(join(folder, file), 'utf8').replace(/\r\n?/g, '\n').trim();
}

beforeAll(async () => {
  const ncc = join(createRequire(import.meta.url).resolve('@vercel/ncc/package.json'), '..', 'dist/ncc/cli.js');
  await Promise.all(
    Object.entries(BUNDLES).map(async ([out, entry]) => {
      const stats = join(temp, `${entry.replace('/', '-')}.json`);
      await promisify(execFile)(
        process.execPath,
        [ncc, 'build', `build/src/${entry}.js`, '-o', join(temp, entry.replace('/', '-')), '-q', '--stats-out', stats],
        { cwd: ROOT },
      );
      carried.set(out as Out, packagesOf(JSON.parse(readFileSync(stats, 'utf8'))));
    }),
  );
}, 120_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('third-party notices', () => {
  it('lists, for each bundle, exactly the packages the bundler put in it', () => {
    for (const out of Object.keys(BUNDLES) as Out[]) {
      expect(missing(notice, out, carried.get(out) ?? []), out).toEqual([]);
      expect(listed(notice, out), out).toEqual(carried.get(out));
    }
  });

  it('finds the packages the action and the library are made of', () => {
    expect(carried.get('dist')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^undici /),
        expect.stringMatching(/^jose /),
        expect.stringMatching(/^@actions\/core /),
      ]),
    );
    expect(carried.get('dist/lib')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^undici /), expect.stringMatching(/^jose /)]),
    );
  });

  it('gives each package its own licence text', () => {
    const ids = [...folders.keys()];
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const section = notice.split(`${'-'.repeat(100)}\n`).find((text) => text.startsWith(`${id}\n`)) ?? '';
      expect(section, id).toContain(licenseOf(id));
    }
  });

  it('the check bites: a package dropped from the notice is missing', () => {
    const undici = carried.get('dist')?.find((id) => id.startsWith('undici ')) as string;
    const withoutSection = notice.replace(new RegExp(`${'-'.repeat(100)}\\n${undici}\\n`), '');
    const listing = notice.lastIndexOf(`\n  ${undici} (`);
    const withoutListing = notice.slice(0, listing) + notice.slice(notice.indexOf('\n', listing + 1));
    expect(missing(withoutSection, 'dist', carried.get('dist') ?? [])).toEqual([undici]);
    expect(missing(withoutListing, 'dist/lib', carried.get('dist/lib') ?? [])).toEqual([undici]);
  });

  it('every file of dist/ points to the notice, and the /*! banners of bundled code stay', () => {
    const files = [
      'index.js',
      ...readdirSync(join(ROOT, 'dist')).filter((f) => /^\d+\.index\.js$/.test(f)),
      'lib/index.js',
      'cli/index.js',
    ];
    for (const file of files)
      expect(readFileSync(join(ROOT, 'dist', file), 'utf8').slice(0, 200), file).toContain(
        'dist/THIRD-PARTY-NOTICES.txt',
      );
    expect(readFileSync(join(ROOT, 'dist/index.js'), 'utf8')).toContain('/*! ws. MIT License.');
  });
});
