// The house as CONTRIBUTING draws it: surfaces around a core, imports one way and without cycles, files a reader
// can hold (a line of their role first, under 250 lines of at most 120 columns), at most four files loose in src/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const SRC = join(ROOT, 'src');
const SURFACES = ['action', 'alert', 'cli', 'lib'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

const files = sourceFiles(SRC);
const text = new Map(files.map((file) => [file, readFileSync(join(SRC, file), 'utf8')]));

/** The files of src/ a file imports, statically or dynamically, as paths from src/. */
function importsOf(file: string): string[] {
  const found = [...(text.get(file) ?? '').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)];
  return found.map((match) => posix.normalize(posix.join(posix.dirname(file), `${match[1]}.ts`)));
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '');

describe('the layers of src/', () => {
  it('has at most four files loose in src/, and a folder for each surface, the core and the text that may leave', () => {
    expect(files.filter((file) => !file.includes('/')).length).toBeLessThanOrEqual(4);
    expect([...new Set(files.map(folderOf))].filter(Boolean).sort()).toEqual([...SURFACES, 'core', 'safe-text'].sort());
    for (const surface of SURFACES) expect(files).toContain(`${surface}/index.ts`);
  });

  it('never has core/ or safe-text/ import a surface; safe-text/ reads only the settings table of core/', () => {
    for (const file of files.filter((name) => ['core', 'safe-text'].includes(folderOf(name)))) {
      for (const imported of importsOf(file)) {
        expect([file, SURFACES.includes(folderOf(imported))]).toEqual([file, false]);
        if (folderOf(file) === 'safe-text' && folderOf(imported) === 'core')
          expect([file, imported]).toEqual([file, 'core/settings.ts']);
      }
    }
    expect([...new Set(importsOf('core/settings.ts'))]).toEqual(['core/setting-spec.ts']);
    expect(importsOf('core/setting-spec.ts')).toEqual([]);
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[][] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') return void cycles.push([...path.slice(path.indexOf(file)), file]);
      state.set(file, 'visiting');
      for (const imported of importsOf(file)) if (text.has(imported)) visit(imported, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('resolves every relative import to a file of src/ (or package.json)', () => {
    for (const file of files) {
      for (const imported of importsOf(file)) expect([file, text.has(imported)]).toEqual([file, true]);
    }
  });
});

describe('files a reader can hold', () => {
  it('opens each file with a line of its role, and keeps it under 250 lines of at most 120 columns', () => {
    for (const [file, source] of text) {
      const lines = source.split('\n');
      const first = lines[0]?.startsWith('#!') ? lines[1] : lines[0];
      expect([file, /^\/\/ \S/.test(first ?? '')]).toEqual([file, true]);
      expect([file, lines.length <= 250]).toEqual([file, true]);
      expect([file, lines.filter((line) => line.length > 120)]).toEqual([file, []]);
    }
  });
});

describe("CONTRIBUTING's picture of the layers", () => {
  it('names every folder and every file of core/ and safe-text/', () => {
    const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const picture = /## Source layout[\s\S]*?```text\n([\s\S]*?)```/.exec(contributing)?.[1] ?? '';
    for (const file of files.filter((name) => ['core', 'safe-text'].includes(folderOf(name)))) {
      const name = file.slice(file.indexOf('/') + 1, -'.ts'.length);
      expect([file, new RegExp(`(^|[ ·(])${name}([ ·)]|$)`, 'm').test(picture)]).toEqual([file, true]);
    }
    for (const folder of [...SURFACES, 'core', 'safe-text']) expect(picture).toContain(`${folder}/`);
  });
});
