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
  const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
  const text = typeof packageJson.repository === 'string' ? packageJson.repository : (packageJson.repository?.url ?? '');
  const match = /^(?:github:|git\+https:\/\/github\.com\/|https:\/\/github\.com\/)?([^/:]+)\/([^/]+?)(?:\.git)?$/.exec(text);
  if (!match) throw new Error(`package.json "repository" is not "github:owner/name": ${JSON.stringify(text)}`);
  return { owner: match[1] as string, name: match[2] as string };
}

/**
 * References to the action (or its reusable workflow) by owner: `owner/name@ref`, `owner/name/.github/…@ref`,
 * `github.com/owner/name…`, and package.json's `github:owner/name`. A path that merely has the name in it
 * (`/tmp/name/dist`) is not one.
 */
export function referencePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<=^|[\\s"'\`(:=]|github\\.com/)([A-Za-z0-9][A-Za-z0-9-]*)/${escaped}(?=[@/"'\\s)\\]]|$)`, 'gm');
}

export interface Reference {
  file: string;
  line: number;
  owner: string;
}

// test/ quotes references to other owners on purpose, to show they are found.
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'reports', 'coverage', 'test']);
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
      .flatMap((text, index) => [...text.matchAll(referencePattern(name))].map((match) => ({ file, line: index + 1, owner: match[1] as string }))),
  );
}

export function rewriteOwner(text: string, name: string, owner: string): string {
  return text.replace(referencePattern(name), `${owner}/${name}`);
}
