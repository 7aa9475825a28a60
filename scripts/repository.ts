// Where the action is published, from package.json `repository`, and every place the repository names it.
// Used by `npm run set-owner`, by the release checks (scripts/release.ts) and by their tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Repository {
  owner: string;
  name: string;
}

/** GitHub's rules for an account name: letters, digits and single hyphens, not at either end, at most 39. */
export const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** package.json `repository`: "github:owner/name", "owner/name", or { url: "…github.com/owner/name.git" }. */
export function readRepository(root: string): Repository {
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    repository?: string | { url?: string };
  };
  const text =
    typeof packageJson.repository === 'string' ? packageJson.repository : (packageJson.repository?.url ?? '');
  const match = /^(?:github:|git\+https:\/\/github\.com\/|https:\/\/github\.com\/)?([^/:]+)\/([^/]+?)(?:\.git)?$/.exec(
    text,
  );
  if (!match) throw new Error(`package.json "repository" is not "github:owner/name": ${JSON.stringify(text)}`);
  return { owner: match[1] as string, name: match[2] as string };
}

/** The npm package: the repository's name under its owner's scope, in lower case, as npm takes no other. */
export function packageName({ owner, name }: Repository): string {
  return `@${owner.toLowerCase()}/${name}`;
}

/** Text to match as it is, in a RegExp. */
export const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The name ends where no name could go on: before `.git`, or any character but a letter, digit, _ or -, or a . before one. */
const NAME_END = '(?=\\.git(?![\\w.-])|(?![\\w-]|\\.\\w))';

/**
 * References to the action (or its reusable workflow) by owner: `owner/name@ref`, `owner/name/.github/…@ref`,
 * `github.com/owner/name…`, and package.json's `github:owner/name`, whatever follows the name. A path that merely
 * has the name in it (`/tmp/name/dist`), or a longer name (`owner/name-two`), is not one.
 */
export function referencePattern(name: string): RegExp {
  return new RegExp(`(?<=^|[\\s"'\`(:=]|github\\.com/)([A-Za-z0-9][A-Za-z0-9-]*)/${literal(name)}${NAME_END}`, 'gm');
}

/** References to the npm package by its scope: `@owner/name`, as in package.json's name and `npx @owner/name`. */
export function packagePattern(name: string): RegExp {
  return new RegExp(`(?<![\\w@/.-])@([A-Za-z0-9][A-Za-z0-9-]*)/${literal(name)}${NAME_END}`, 'gm');
}

export interface Reference {
  file: string;
  line: number;
  /** The owner as written: as the repository's owner, or as the npm scope, which is that owner in lower case. */
  owner: string;
  kind: 'repository' | 'package';
}

// test/ quotes references to other owners on purpose, to show they are found.
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'reports', 'coverage', 'test', '.stryker-tmp']);
const TEXT = /\.(md|ya?ml|json|ts|mjs|js|txt)$/;

/** The repository's own text files (not dependencies, builds or fixtures), relative to root. */
export function textFiles(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return SKIPPED.has(entry) ? [] : textFiles(root, path);
    return TEXT.test(entry) && entry !== 'package-lock.json' ? [relative(root, path)] : [];
  });
}

export function findReferences(root: string, name: string): Reference[] {
  return textFiles(root).flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((text, index) =>
        (['repository', 'package'] as const).flatMap((kind) =>
          [...text.matchAll((kind === 'package' ? packagePattern : referencePattern)(name))].map((match) => ({
            file,
            line: index + 1,
            owner: match[1] as string,
            kind,
          })),
        ),
      ),
  );
}

export function rewriteOwner(text: string, name: string, owner: string): string {
  return text
    .replace(referencePattern(name), `${owner}/${name}`)
    .replace(packagePattern(name), packageName({ owner, name }));
}
