// npm run set-owner -- <owner>: the action's owner everywhere at once, package.json `repository` included,
// so the reusable workflow can only ever call the action of the repository it ships in, and the npm package's
// scope (@<owner>/coze-token-action, in lower case), package.json's and package-lock.json's name included.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWNER, readRepository, rewriteOwner, textFiles } from './repository.ts';

export const CODEOWNERS = '.github/CODEOWNERS';
/** npm's lock names the package too; textFiles leaves it out, as nothing else in it is the repository's own text. */
export const LOCK = 'package-lock.json';

/** CODEOWNERS names the owner as @owner (and its teams as @owner/team), not owner/name. */
export function rewriteCodeOwner(text: string, before: string, owner: string): string {
  return text.replace(new RegExp(`(?<=\\s)@${before}(?=[\\s/]|$)`, 'gim'), `@${owner}`);
}

export function setOwner(root: string, owner: string): string[] {
  if (!OWNER.test(owner))
    throw new Error(`"${owner}" is not a GitHub account name (letters, digits and single hyphens, at most 39)`);
  const { owner: before, name } = readRepository(root);
  const changed: string[] = [];
  for (const file of [...textFiles(root), ...[CODEOWNERS, LOCK].filter((extra) => existsSync(join(root, extra)))]) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const rewritten = file === CODEOWNERS ? rewriteCodeOwner(text, before, owner) : rewriteOwner(text, name, owner);
    if (rewritten !== text) {
      writeFileSync(path, rewritten);
      changed.push(file);
    }
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [owner, root = fileURLToPath(new URL('..', import.meta.url))] = process.argv.slice(2);
  try {
    if (!owner) throw new Error('usage: npm run set-owner -- <owner>');
    const changed = setOwner(root, owner);
    console.log(
      changed.length
        ? `Owner set to ${owner} in:\n  ${changed.join('\n  ')}`
        : `Every reference already names ${owner}.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
  }
}
