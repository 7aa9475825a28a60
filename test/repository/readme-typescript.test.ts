// The TypeScript examples of the documentation (every Markdown file: docs/cli-and-library.md holds them today), each
// a file of its own, type-checked with the project's TypeScript in strict mode, the package's name (and the bare
// 'coze-token-action') mapped to src/lib/index.ts: what a user pastes compiles.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks, markdownFiles } from '../support/markdown.ts';
import { ROOT } from '../support/paths.ts';

const blocks = markdownFiles(ROOT).flatMap((file) => codeBlocks(readFileSync(join(ROOT, file), 'utf8'), 'ts'));
// The package as the examples import it: package.json's name (scoped by the owner), and unscoped.
const PACKAGE_NAMES = [
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name,
  'coze-token-action',
];
// Inside the repository's node_modules, so that @coze/api and @types/node resolve as in a user's project.
mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(ROOT, 'node_modules/.cache/readme-ts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** tsc's error lines for these sources, each a module of its own; empty when they compile. */
function typeErrors(sources: string[], name: string): string[] {
  const files = sources.map((source, i) => {
    const file = join(dir, `${name}-${i}.mts`);
    writeFileSync(file, source);
    return file;
  });
  const tsconfig = join(dir, `${name}.tsconfig.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        target: 'es2024',
        lib: ['es2024'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        types: ['node'],
        skipLibCheck: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        paths: Object.fromEntries(PACKAGE_NAMES.map((name) => [name, [join(ROOT, 'src/lib/index.ts')]])),
      },
      files,
    }),
  );
  const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', tsconfig], { encoding: 'utf8', stdio: 'pipe' });
    return [];
  } catch (error) {
    return String((error as { stdout?: string }).stdout)
      .split('\n')
      .filter((line) => /error TS\d+/.test(line));
  }
}

describe("the documentation's TypeScript examples", () => {
  it('are there: mintCozeToken, and cozeTokenSource with @coze/api, importing the package by its name', () => {
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(block).toContain(`from '${PACKAGE_NAMES[0]}'`);
    expect(blocks[0]).toMatch(/await mintCozeToken\(/);
    expect(blocks[1]).toMatch(/await mintCozeToken\(\{ oauthConfig: /);
    expect(blocks[2]).toMatch(/new CozeAPI\([\s\S]*cozeTokenSource\(/);
  });

  it('compile under strict TypeScript', () => {
    expect(typeErrors(blocks, 'readme')).toEqual([]);
  });

  it('the check bites: settings read straight from process.env (string | undefined) are refused', () => {
    const unchecked = blocks.map((block) => block.replace(/env\('(\w+)'\)/g, 'process.env.$1'));
    expect(unchecked.join('')).toMatch(/process\.env\.COZE_APP_ID/);
    const errors = typeErrors(unchecked, 'unchecked');
    // One error for each call's options: with exactOptionalPropertyTypes, an optional string takes no undefined.
    expect(errors).toHaveLength(2);
    for (const line of errors)
      expect(line).toMatch(
        /error TS2379: .*appId: string \| undefined; publicKeyId: string \| undefined; privateKey: string \| undefined.*exactOptionalPropertyTypes/,
      );
  });

  it('the check bites: an option the library does not take is refused', () => {
    const misspelt = (blocks[0] as string).replace("baseUrl: 'https://api.coze.cn'", "baseURL: 'https://api.coze.cn'");
    expect(typeErrors([misspelt], 'misspelt')).toEqual([
      expect.stringMatching(/error TS2561: .*'baseURL'.*Did you mean to write 'baseUrl'/),
    ]);
  });
});
