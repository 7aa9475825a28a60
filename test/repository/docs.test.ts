// The documentation: every relative link and #anchor of the Markdown resolves (as GitHub renders it), the README is
// a landing page (at most 2,000 words, the step, the secrets and a way to try it on its first screen), and its
// inputs and outputs tables are action.yml's.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRepository } from '../../scripts/repository.ts';
import { checkTags } from '../../src/core/report.ts';
import {
  anchors,
  brokenLinks,
  codeBlocks,
  headingText,
  linkTargets,
  markdownFiles,
  slug,
} from '../support/markdown.ts';
import { ROOT } from '../support/paths.ts';
import { spawnNode } from '../support/spawn-node.ts';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A folder of Markdown files, for the checks to bite on. */
function markdownTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'coze-docs-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** An absolute link to a file of this repository on its main branch, as the README writes what the package leaves out. */
const repositoryFiles = (root: string) =>
  new RegExp(`^https://github\\.com/${readRepository(root).owner}/coze-token-action/(?:blob|tree)/main/`);

/** Every absolute link to this repository's files whose file is not in the checkout, or whose #anchor is not in it. */
function brokenRepositoryLinks(root: string): string[] {
  return markdownFiles(root).flatMap((file) =>
    linkTargets(readFileSync(join(root, file), 'utf8')).flatMap(({ line, target }) => {
      if (!repositoryFiles(root).test(target)) return [];
      const [path = '', anchor] = target.replace(repositoryFiles(root), '').split('#');
      const local = join(root, decodeURIComponent(path));
      if (!existsSync(local)) return [`${file}:${line}: ${target} (no such file)`];
      if (anchor && path.endsWith('.md') && !anchors(readFileSync(local, 'utf8')).has(decodeURIComponent(anchor)))
        return [`${file}:${line}: ${target} (no heading with that anchor)`];
      return [];
    }),
  );
}

describe('links and anchors', () => {
  it('finds every Markdown file: the README, the policies, the changelog, docs/ and the rest', () => {
    expect(markdownFiles(ROOT)).toEqual(
      expect.arrayContaining([
        'CHANGELOG.md',
        'CONTRIBUTING.md',
        'README.md',
        'SECURITY.md',
        'docs/cli-and-library.md',
        'docs/performance.md',
        'docs/scheduled-checks.md',
        'docs/security.md',
        'docs/troubleshooting.md',
      ]),
    );
    expect(markdownFiles(ROOT).filter((file) => /^(node_modules|dist)\//.test(file))).toEqual([]);
  });

  it('every relative link and #anchor of the Markdown files resolves', () => {
    expect(brokenLinks(ROOT)).toEqual([]);
    // And there are links to check: the README points to every page of docs/ (by an absolute link, as the npm
    // package carries the README without docs/).
    const readmeTargets = linkTargets(read('README.md')).map((link) => link.target.replace(repositoryFiles(ROOT), ''));
    for (const page of markdownFiles(ROOT).filter((file) => file.startsWith('docs/')))
      expect(readmeTargets).toContain(page);
  });

  it("every absolute link to this repository's own files resolves in the checkout, #anchor included", () => {
    expect(brokenRepositoryLinks(ROOT)).toEqual([]);
    expect(
      linkTargets(read('README.md')).filter((link) => repositoryFiles(ROOT).test(link.target)).length,
    ).toBeGreaterThan(5);
  });

  it('the check of absolute links bites: a missing file and a wrong anchor, each named with its line', () => {
    const base = `https://github.com/${readRepository(ROOT).owner}/coze-token-action/blob/main`;
    const dir = markdownTree({
      'package.json': read('package.json'),
      'README.md': `# Title\n\n[ok](${base}/docs/guide.md#part-two) [gone](${base}/docs/gone.md)\n[wrong](${base}/docs/guide.md#part-three)\n`,
      'docs/guide.md': '# Guide\n\n## Part two\n',
    });
    expect(brokenRepositoryLinks(dir)).toEqual([
      `README.md:3: ${base}/docs/gone.md (no such file)`,
      `README.md:4: ${base}/docs/guide.md#part-three (no heading with that anchor)`,
    ]);
  });

  it('the check bites: a missing file, a wrong anchor, a link out of the repository, each named with its line', () => {
    const dir = markdownTree({
      'README.md': [
        '# Title',
        '',
        'See [the guide](docs/guide.md), [its part](docs/guide.md#part-two), [here](#title) and [code](src/x.ts#L3).',
        '[gone](docs/gone.md) and [wrong](docs/guide.md#part-three) and [self](#nothing)',
        '',
        '```md',
        '[in code](nowhere.md) is not a link',
        '```',
        '',
        'Inline `[code](nowhere.md)` is not one either, nor is <!-- [a comment](nowhere.md) -->.',
        '[out](../outside.md) [web](https://example.com/x#y) [mail](mailto:a@example.com)',
        '',
        '[ref]: docs/missing.md',
      ].join('\n'),
      'docs/guide.md': '# Guide\n\n## Part two\n\nBack [up](../README.md#title).\n',
      'src/x.ts': 'export {};\n',
    });
    expect(brokenLinks(dir)).toEqual([
      'README.md:4: docs/gone.md (no such file)',
      'README.md:4: docs/guide.md#part-three (no heading with that anchor)',
      'README.md:4: #nothing (no heading with that anchor)',
      'README.md:11: ../outside.md (outside the repository)',
      'README.md:13: docs/missing.md (no such file)',
    ]);
  });
});

describe("GitHub's heading anchors", () => {
  it('slugs as github-slugger: lower case, punctuation and symbols dropped, spaces to hyphens, CJK and _ kept', () => {
    const cases: Array<[string, string]> = [
      ['Set up the Coze app (once, about five minutes)', 'set-up-the-coze-app-once-about-five-minutes'],
      ["By Coze's answer", 'by-cozes-answer'],
      ['Heading with a - dash', 'heading-with-a---dash'],
      ['snake_case and CamelCase', 'snake_case-and-camelcase'],
      ['period.txt / slash: colon?', 'periodtxt--slash-colon'],
      ['设置 Coze 应用 (OAuth 应用)', '设置-coze-应用-oauth-应用'],
      ['公钥指纹：扣子', '公钥指纹扣子'],
      ['Привет мир', 'привет-мир'],
      ['I ♥ emoji 😄', 'i--emoji-'],
      ['en–dash — em', 'endash--em'],
      ['Ⅻ roman', 'ⅻ-roman'],
    ];
    for (const [text, expected] of cases) expect(slug(text), text).toBe(expected);
  });

  it('takes the text a heading renders as: code spans as written, links as their text, emphasis and tags dropped', () => {
    expect(headingText('cozeTokenSource: long jobs and `@coze/api`')).toBe('cozeTokenSource: long jobs and @coze/api');
    expect(headingText('The `a_b*c` **bold** _em_ snake_case')).toBe('The a_b*c bold em snake_case');
    expect(headingText('See [the guide](x.md) and ![logo](l.png) <sup>1</sup>')).toBe('See the guide and logo 1');
    expect(headingText('`` `tick` ``')).toBe('`tick`');
    expect(headingText('a &amp; b &#x4E2D;')).toBe('a & b 中');
    expect(slug(headingText('cozeTokenSource: long jobs and `@coze/api`'))).toBe(
      'cozetokensource-long-jobs-and-cozeapi',
    );
  });

  it('numbers repeated headings -1, -2 as GitHub does, skips code blocks, and counts setext headings and ids', () => {
    const markdown = [
      '# Echo',
      '## Echo',
      '### Echo 1',
      '#### echo-1',
      '## Echo ##',
      '```sh',
      '# not a heading',
      '```',
      '> ### Quoted',
      'Setext',
      '------',
      '<a id="custom"></a>',
    ].join('\n');
    expect([...anchors(markdown)]).toEqual([
      'echo',
      'echo-1',
      'echo-1-1',
      'echo-1-2',
      'echo-2',
      'quoted',
      'setext',
      'custom',
    ]);
  });
});

describe('the README, a landing page', () => {
  const readme = read('README.md');
  /** Words as `wc -w` counts them: whatever whitespace separates, tables and code included. */
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

  it('is at most 2,000 words', () => {
    expect(words(readme)).toBeLessThanOrEqual(2000);
    expect(words(`${readme}${' word'.repeat(2001 - words(readme))}`)).toBeGreaterThan(2000);
  });

  it('shows the step, its one secret (the console config file) and a way to try it on its first screen (50 lines)', () => {
    const { owner } = readRepository(ROOT);
    const firstScreen = readme.split('\n').slice(0, 50).join('\n');
    expect(firstScreen).toContain(`uses: ${owner}/coze-token-action@v1`);
    expect(firstScreen).toContain('oauth-config: ${{ secrets.COZE_OAUTH_CONFIG }}');
    for (const input of ['app-id', 'public-key-id', 'private-key']) expect(firstScreen).toContain(`\`${input}\``);
    expect(firstScreen).toContain('COZE_TOKEN: ${{ steps.coze.outputs.token }}');
    expect(firstScreen).toMatch(/^## Try it in a minute$/m);
    expect(firstScreen).toContain('npm ci && npm run demo');
  });

  it('keeps the two set-up commands of a fresh machine', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });

  /** The rows of the Markdown table under a heading: each row's cells, header and delimiter row left out. */
  function table(markdown: string, heading: string): string[][] {
    const section = markdown.slice(markdown.indexOf(`\n${heading}\n`) + 1);
    const rows = section
      .split('\n')
      .slice(1)
      .filter(
        (line, index, all) =>
          line.startsWith('|') && all.slice(0, index).every((before) => before.startsWith('|') || before.trim() === ''),
      );
    return rows.slice(2).map((row) =>
      row
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }

  const action = parse(read('action.yml')) as {
    inputs: Record<string, { required?: boolean; default?: string }>;
    outputs: Record<string, unknown>;
  };

  it("lists action.yml's inputs in its order, each as required and with the default action.yml gives", () => {
    const rows = table(readme, '## Inputs');
    expect(rows.map((row) => row[0])).toEqual(Object.keys(action.inputs).map((name) => `\`${name}\``));
    for (const [name, required, fallback] of rows) {
      const input = action.inputs[(name as string).replaceAll('`', '')];
      expect(required, name).toBe(input?.required ? 'yes' : 'no');
      if (input?.default !== undefined) expect(fallback, name).toBe(`\`${input.default}\``);
      else expect(fallback, name).not.toMatch(/^`.*`$/);
    }
  });

  it("lists action.yml's outputs in its order", () => {
    expect(table(readme, '## Outputs').map((row) => row[0])).toEqual(
      Object.keys(action.outputs).map((name) => `\`${name}\``),
    );
  });

  it('the table checks bite: a missing input, a wrong default and a missing output are found', () => {
    const inputs = (text: string) => table(text, '## Inputs').map((row) => row.slice(0, 3).join(' '));
    expect(inputs(readme)).toContain('`retries` no `3`');
    expect(inputs(readme.replace(/^\| `retries` .*\n/m, ''))).not.toContain('`retries` no `3`');
    expect(inputs(readme.replace('| `3`  ', '| `5`  '))).not.toContain('`retries` no `3`');
    expect(table(readme.replace(/^\| `user-name` .*\n/m, ''), '## Outputs').map((row) => row[0])).not.toContain(
      '`user-name`',
    );
  });

  it('every YAML example of the Markdown parses, so it can be pasted', () => {
    for (const file of markdownFiles(ROOT)) {
      for (const block of codeBlocks(read(file), 'yaml'))
        expect(() => parse(block), `${file}: ${block.slice(0, 60)}`).not.toThrow();
    }
  });
});

describe('docs/scheduled-checks.md', () => {
  it("names exactly the reusable workflow's defaults that differ from the action's", () => {
    const page = read('docs/scheduled-checks.md');
    const named = /Two defaults differ from the action's: `([\w-]+)` is `([^`]+)` and `([\w-]+)` is `([^`]+)`\./.exec(
      page.replace(/\s+/g, ' '),
    );
    expect(named).not.toBeNull();
    const [, first, firstValue, second, secondValue] = named as RegExpExecArray;
    const action = parse(read('action.yml')) as { inputs: Record<string, { default?: string }> };
    const called = (
      parse(read('.github/workflows/coze-token-check.yml')) as {
        on: { workflow_call: { inputs: Record<string, { default?: unknown }> } };
      }
    ).on.workflow_call.inputs;
    const differing = Object.fromEntries(
      Object.entries(called)
        .filter(([name]) => name in action.inputs)
        .map(([name, input]): [string, string] => [name, String(input.default ?? '')])
        .filter(([name, value]) => value !== (action.inputs[name]?.default ?? '')),
    );
    expect(differing).toEqual({ [first as string]: firstValue, [second as string]: secondValue });
  });

  it("computes the action's digests with the command it gives maintainers", async () => {
    const command = codeBlocks(read('docs/scheduled-checks.md'), 'sh').find((block) => block.includes('scryptSync'));
    const script = /node -e '([^']+)'/.exec(command ?? '')?.[1];
    expect(script).toBeDefined();
    const env = { APP_ID: '7455555555555', ORG_ID: '7000001', GITHUB_REPOSITORY: 'octo/coze-app' };
    const run = await spawnNode(process.execPath, ['-e', script as string], env);
    const { app, org } = checkTags(env.APP_ID, env.GITHUB_REPOSITORY, env.ORG_ID);
    expect(run.stdout).toBe(`app ${app}\norg ${org}\n`);
  });
});
