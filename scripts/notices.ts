// dist/THIRD-PARTY-NOTICES.txt, from what the bundler included: each ncc build writes webpack's stats, and every
// module of a chunk that lives under node_modules/ names the package it came from. Used by scripts/build.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NOTICES = 'THIRD-PARTY-NOTICES.txt';

interface StatsModule {
  name: string;
  chunks: Array<number | string>;
  /** The modules webpack concatenated into this one. */
  modules?: StatsModule[];
}

/** The parts of webpack's stats (ncc --stats-out) that say which module went into which file. */
export interface BundleStats {
  chunks: Array<{ id: number | string; files: string[] }>;
  modules: StatsModule[];
}

export interface Bundle {
  /** Where the bundle was written, relative to the project root: dist, dist/lib, dist/cli. */
  out: string;
  /** What it is, for the notice's table of contents. */
  title: string;
  stats: BundleStats;
}

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  text: string;
  /** The files of dist/ that carry its code, relative to the project root. */
  files: string[];
}

/** The package folder of a module path such as ./node_modules/@a/b/node_modules/c/lib/x.js: node_modules/@a/b/node_modules/c. */
export function packageFolder(modulePath: string): string | undefined {
  const match = /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(modulePath);
  return match?.[1];
}

/** Package folder → the files of the bundle that carry modules of it. */
export function packageFiles(bundle: Bundle): Map<string, Set<string>> {
  const files = new Map(
    bundle.stats.chunks.map((chunk) => [chunk.id, chunk.files.map((file) => `${bundle.out}/${file}`)]),
  );
  const found = new Map<string, Set<string>>();
  const visit = (module: StatsModule, chunkFiles: string[]) => {
    const folder = packageFolder(module.name);
    if (folder) for (const file of chunkFiles) found.set(folder, (found.get(folder) ?? new Set()).add(file));
    for (const inner of module.modules ?? []) visit(inner, chunkFiles);
  };
  // A module in no chunk was concatenated into another, and is visited there.
  for (const module of bundle.stats.modules)
    visit(
      module,
      module.chunks.flatMap((id) => files.get(id) ?? []),
    );
  return found;
}

/**
 * The licence file a package ships (LICENSE, LICENSE.md, LICENCE, COPYING…), and its NOTICE file if it has one
 * (Apache-2.0 asks that it travel with the code); the build fails without a licence file.
 */
export function licenseText(root: string, folder: string): string {
  const names = readdirSync(join(root, folder)).sort();
  const license = names.find((name) => /^(licen[cs]e|copying)(\.\w+)?$/i.test(name));
  if (!license) throw new Error(`${folder} ships no licence file: its notice cannot be written`);
  const notice = names.find((name) => /^notice(\.\w+)?$/i.test(name));
  const read = (name: string) =>
    readFileSync(join(root, folder, name), 'utf8')
      .replace(/\r\n?/g, '\n')
      .trim();
  return notice ? `${read(license)}\n\n${read(notice)}` : read(license);
}

/** Every package the bundles carry, one entry per name and version, in name order. */
export function bundledPackages(root: string, bundles: Bundle[]): BundledPackage[] {
  const byId = new Map<string, BundledPackage>();
  for (const bundle of bundles) {
    for (const [folder, files] of packageFiles(bundle)) {
      const { name, version, license } = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as Record<
        string,
        string
      >;
      const id = `${name} ${version}`;
      const entry = byId.get(id) ?? {
        name: name as string,
        version: version as string,
        license: license ?? 'UNKNOWN',
        text: licenseText(root, folder),
        files: [],
      };
      entry.files = [...new Set([...entry.files, ...files])].sort();
      byId.set(id, entry);
    }
  }
  return [...byId.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1,
  );
}

const RULE = '-'.repeat(100);

/** The notice file: which bundle carries what, then each package with its licence text. No dates: the build stays reproducible. */
export function noticeText(bundles: Bundle[], packages: BundledPackage[]): string {
  const carried = (bundle: Bundle) =>
    packages.filter((pkg) =>
      pkg.files.some((file) => file.startsWith(`${bundle.out}/`) && !file.slice(bundle.out.length + 1).includes('/')),
    );
  const contents = bundles.flatMap((bundle) => {
    const list = carried(bundle).map((pkg) => `  ${pkg.name} ${pkg.version} (${pkg.license})`);
    return [`${bundle.out}/: ${bundle.title}`, ...(list.length ? list : ['  no third-party package']), ''];
  });
  const sections = packages.flatMap((pkg) => [
    RULE,
    `${pkg.name} ${pkg.version}`,
    `License: ${pkg.license}`,
    `In: ${pkg.files.join(', ')}`,
    '',
    pkg.text,
    '',
  ]);
  return [
    'Third-party notices for the files of dist/',
    '',
    "Besides this project's own code (MIT, see LICENSE), the bundles of dist/ carry the packages below, each under",
    'its own licence, whose text follows. Written by npm run build (scripts/build.ts) from the modules the bundler',
    'included; do not edit by hand.',
    '',
    ...contents,
    ...sections,
  ].join('\n');
}
