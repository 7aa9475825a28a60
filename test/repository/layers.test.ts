// The layers: the core and the text-safety folder never import a surface (the action, the alert, the CLI, the library).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const SURFACES = ['action', 'alert', 'cli', 'lib'];

it('keeps imports running one way: src/core and src/safe-text import no surface', () => {
  const wrong: string[] = [];
  for (const folder of ['core', 'safe-text']) {
    for (const file of readdirSync(join(ROOT, 'src', folder)).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(ROOT, 'src', folder, file), 'utf8');
      for (const [, from] of text.matchAll(/\bfrom\s+'([^']+)'/g)) {
        if (SURFACES.some((surface) => from === `../${surface}/index.js` || from?.startsWith(`../${surface}/`))) {
          wrong.push(`src/${folder}/${file} imports ${from}`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
});
