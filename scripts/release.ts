// The release workflow's logic (.github/workflows/release.yml), testable on its own:
//   node scripts/release.ts check vX.Y.Z   refuse a tag that is not package.json's version, a repository that is
//                                          not package.json's, a commit that is not on main, notes left under
//                                          Unreleased, a version section missing, undated or dated in the future,
//                                          install URLs of another version in the docs, an npm package name that
//                                          is not @owner/name, or a repository spelt otherwise than package.json
//                                          spells it (npm compares them, case and all, for the provenance)
//   node scripts/release.ts notes vX.Y.Z   print that version's section of CHANGELOG.md
//   node scripts/release.ts major vX.Y.Z   print the major tag to move (vX)
//   node scripts/release.ts npm VERSION    refuse an npm older than trusted publishing needs (11.5.1)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { literal, packageName, readRepository } from './repository.ts';

const TAG = /^v(\d+)\.(\d+)\.(\d+)$/;

export interface ReleaseFacts {
  tag: string;
  version: string;
  /** package.json `repository`, as owner/name. */
  expectedRepository: string;
  /** package.json `name`: the npm package, @owner/name with the owner in lower case. */
  packageName: string;
  /** GITHUB_REPOSITORY of the run. */
  repository: string;
  onMain: boolean;
  changelog: string;
  /** The pages that install the release tarball by its URL (INSTALL_PAGES), by path. */
  installPages: Record<string, string>;
  /** The latest date anywhere on Earth, YYYY-MM-DD (see latestDate). */
  today: string;
}

/**
 * Today's date where it is latest (UTC+14), so a maintainer who dates the release in their own time zone is never
 * told the date is in the future.
 */
export function latestDate(now: Date): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

const heading = (version: string) => new RegExp(`^## \\[?${literal(version)}\\]?(?:\\s|$)`);

/** The lines of a CHANGELOG section, from below its heading to the next heading or the link definitions. */
function sectionLines(lines: string[], start: number): string[] {
  const end = lines.findIndex((line, index) => index > start && (/^## /.test(line) || /^\[[^\]]+\]: /.test(line)));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** What CHANGELOG.md says wrong for releasing version: unreleased entries, or a section missing, undated or dated later than today. */
export function changelogProblems(changelog: string, version: string, today: string): string[] {
  const lines = changelog.split(/\r?\n/);
  const problems: string[] = [];
  const unreleased = lines.findIndex((line) => heading('Unreleased').test(line));
  const entries =
    unreleased === -1
      ? []
      : sectionLines(lines, unreleased).filter((line) => line.trim() !== '' && !/^#{3,} /.test(line));
  if (entries.length)
    problems.push(
      `CHANGELOG.md holds entries under Unreleased: move them into the ${version} section, so its release notes carry them`,
    );
  const start = lines.findIndex((line) => heading(version).test(line));
  if (start === -1)
    return [...problems, `CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD"`];
  const date = /^## \S+ - (\d{4}-\d{2}-\d{2})\s*$/.exec(lines[start] as string)?.[1];
  if (date === undefined || Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) {
    problems.push(
      `CHANGELOG.md's section for ${version} is not dated: set its heading to "## [${version}] - YYYY-MM-DD", the day you tag it`,
    );
  } else if (date > today) {
    problems.push(`CHANGELOG.md dates ${version} ${date}, which is still to come: date it the day you tag it`);
  }
  if (sectionLines(lines, start).every((line) => line.trim() === ''))
    problems.push(`CHANGELOG.md's section for ${version} is empty`);
  return problems;
}

/** The pages that give the release tarball's URL, which must name the version being released. */
export const INSTALL_PAGES = ['docs/cli-and-library.md', 'SECURITY.md'];

/** A page's install URLs of the release tarball that name another version than this one. */
export function staleInstallUrls(page: string, version: string): string[] {
  const urls = page.match(/https:\/\/github\.com\/[^/\s]+\/[^/\s]+\/releases\/download\/\S+\.tgz/g) ?? [];
  return urls.filter((url) => !url.endsWith(`/releases/download/v${version}/coze-token-action-${version}.tgz`));
}

/** Everything wrong with releasing this tag here; empty when it may be released. */
export function releaseProblems(facts: ReleaseFacts): string[] {
  const problems: string[] = [];
  if (!TAG.test(facts.tag)) problems.push(`the tag ${facts.tag} is not vX.Y.Z`);
  else if (facts.tag !== `v${facts.version}`)
    problems.push(
      `the tag ${facts.tag} is not package.json's version (v${facts.version}): bump the version, or tag v${facts.version}`,
    );
  if (facts.repository.toLowerCase() !== facts.expectedRepository.toLowerCase()) {
    problems.push(
      `this repository is ${facts.repository || '(unknown)'}, but package.json names ${facts.expectedRepository}: run npm run set-owner -- ${facts.repository.split('/')[0] || '<owner>'} and commit, so the reusable workflow calls this repository's action`,
    );
  } else if (facts.repository !== facts.expectedRepository) {
    // npm refuses a provenance whose repository is spelt otherwise than package.json's, after the release is out.
    problems.push(
      `this repository is spelt ${facts.repository}, but package.json spells it ${facts.expectedRepository}, and npm takes the provenance only when they match exactly: run npm run set-owner -- ${facts.repository.split('/')[0]} and commit`,
    );
  }
  const [owner = '', name = ''] = facts.expectedRepository.split('/');
  const expectedPackage = packageName({ owner, name });
  if (facts.packageName !== expectedPackage) {
    problems.push(
      `package.json names the npm package ${facts.packageName}, but its repository ${facts.expectedRepository} publishes ${expectedPackage}: run npm run set-owner -- ${owner} and commit`,
    );
  }
  if (!facts.onMain) problems.push(`the tagged commit is not on main: releases are cut from main only`);
  problems.push(...changelogProblems(facts.changelog, facts.version, facts.today));
  for (const [page, text] of Object.entries(facts.installPages)) {
    const stale = staleInstallUrls(text, facts.version);
    if (stale.length)
      problems.push(`${page} installs another version than ${facts.version}: ${[...new Set(stale)].join(', ')}`);
  }
  return problems;
}

/** The section of CHANGELOG.md for a version: from its heading to the next version's (or the link definitions), without the heading. */
export function releaseNotes(changelog: string, version: string): string {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => heading(version).test(line));
  if (start === -1) throw new Error(`CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD"`);
  const notes = sectionLines(lines, start).join('\n').trim();
  if (notes === '') throw new Error(`CHANGELOG.md's section for ${version} is empty`);
  return `${notes}\n`;
}

export function majorTag(tag: string): string {
  const match = TAG.exec(tag);
  if (!match) throw new Error(`the tag ${tag} is not vX.Y.Z`);
  return `v${match[1]}`;
}

/** The oldest npm that publishes with trusted publishing (an OIDC token instead of a stored npm token). */
export const TRUSTED_PUBLISHING_NPM = [11, 5, 1] as const;

/** Why this npm cannot publish the release, or undefined when it can. */
export function npmTooOld(version: string): string | undefined {
  const parts = /^(\d+)\.(\d+)\.(\d+)/.exec(version.trim())?.slice(1).map(Number);
  const order = parts
    ? (parts.map((part, i) => Math.sign(part - (TRUSTED_PUBLISHING_NPM[i] as number))).find((sign) => sign !== 0) ?? 0)
    : -1;
  if (order >= 0) return undefined;
  return `npm ${version.trim() || '(no version)'} cannot publish with trusted publishing, which needs npm ${TRUSTED_PUBLISHING_NPM.join('.')} or later: set up a newer Node 24`;
}

/** Whether the commit is on the branch (as fetched from origin). */
export function commitIsOnBranch(cwd: string, commit: string, branch: string): boolean {
  try {
    execFileSync('git', ['merge-base', '--is-ancestor', commit, `refs/remotes/origin/${branch}`], {
      cwd,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const [command, tag = ''] = process.argv.slice(2);
  try {
    if (command === 'check') {
      const { version, name: npmName } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        version: string;
        name: string;
      };
      const { owner, name } = readRepository(root);
      const problems = releaseProblems({
        tag,
        version,
        expectedRepository: `${owner}/${name}`,
        packageName: npmName,
        repository: process.env.GITHUB_REPOSITORY ?? '',
        onMain: commitIsOnBranch(root, process.env.GITHUB_SHA ?? 'HEAD', 'main'),
        changelog: readFileSync(join(root, 'CHANGELOG.md'), 'utf8'),
        installPages: Object.fromEntries(INSTALL_PAGES.map((page) => [page, readFileSync(join(root, page), 'utf8')])),
        today: latestDate(new Date()),
      });
      if (problems.length) throw new Error(`Not releasing ${tag}:\n- ${problems.join('\n- ')}`);
      console.log(`${tag} may be released from ${owner}/${name}.`);
    } else if (command === 'notes') {
      process.stdout.write(releaseNotes(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), tag.replace(/^v/, '')));
    } else if (command === 'major') {
      console.log(majorTag(tag));
    } else if (command === 'npm') {
      const problem = npmTooOld(tag);
      if (problem) throw new Error(problem);
      console.log(`npm ${tag} publishes with trusted publishing.`);
    } else {
      throw new Error('usage: node scripts/release.ts check|notes|major vX.Y.Z, or npm VERSION');
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
