import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

/** The real Node 22 that the tools/node22 workspace installs, to run the built CLI and library on their oldest Node line. */
export function node22(): string {
  const folder = join(ROOT, 'tools/node22/node_modules/node/bin');
  const found = ['node', 'node.exe'].map((name) => join(folder, name)).find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `no Node 22 in ${folder}: run npm ci at the repository root (it installs the tools/node22 workspace)`,
    );
  return found;
}
