// The reusable workflow as GitHub reads it: a caller's with: and secrets: become the inputs and secrets contexts,
// and GitHub's own expression evaluator (@actions/expressions) turns runs-on, timeout-minutes and the step's with:
// into values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { parse } from 'yaml';
import { ROOT } from './paths.ts';

export type Value = string | number | boolean;
export interface ReusableWorkflow {
  permissions?: unknown;
  on: {
    workflow_call: {
      inputs: Record<string, { type: 'string' | 'number' | 'boolean'; default?: Value }>;
      secrets: Record<string, { required: boolean }>;
      outputs: Record<string, { value: string }>;
    };
  };
  jobs: {
    check: {
      'runs-on': string;
      'timeout-minutes': string;
      concurrency: { group: string; 'cancel-in-progress': boolean };
      permissions?: unknown;
      outputs: Record<string, string>;
      steps: Array<{ uses: string; with: Record<string, Value> }>;
    };
  };
}

export const readYaml = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8')) as unknown;
export const workflow = readYaml('.github/workflows/coze-token-check.yml') as ReusableWorkflow;
export const call = workflow.on.workflow_call;
export const job = workflow.jobs.check;
export const step = job.steps[0] as { uses: string; with: Record<string, Value> };

/** A workflow value as GitHub evaluates it: the expression of a whole `${{ }}` value, or the literal. */
function evaluate(value: Value, contexts: Record<string, unknown>): data.ExpressionData {
  const expression = /^\$\{\{(.*)\}\}$/s.exec(String(value).trim())?.[1];
  if (expression === undefined) return JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData;
  const { tokens } = new Lexer(expression).lex();
  const parsed = new Parser(tokens, Object.keys(contexts), []).parse();
  return new Evaluator(parsed, JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary).evaluate();
}
const plain = (value: data.ExpressionData): unknown => JSON.parse(JSON.stringify(value, data.replacer));

/**
 * The inputs context a caller's with: makes: each declared input, the caller's value or the default. GitHub refuses
 * an undeclared input or a value of another type before the job starts, and so does this.
 */
export function inputsContext(given: Record<string, Value>): Record<string, Value> {
  for (const [name, value] of Object.entries(given)) {
    const spec = call.inputs[name];
    if (!spec) throw new Error(`the reusable workflow has no input ${name}`);
    if (typeof value !== spec.type) throw new Error(`input ${name} is a ${spec.type}, not a ${typeof value}`);
  }
  const defaults = { string: '', number: 0, boolean: false };
  return Object.fromEntries(
    Object.entries(call.inputs).map(([name, spec]) => [name, given[name] ?? spec.default ?? defaults[spec.type]]),
  );
}

const contextsFor = (given: Record<string, Value>, secrets: Record<string, string>, githubToken: string) => ({
  inputs: inputsContext(given),
  secrets,
  github: { token: githubToken },
});

/** What the step's action receives: each with: value evaluated and, as GitHub does, turned to text. */
export function actionInputs(
  given: Record<string, Value>,
  secrets: Record<string, string>,
  githubToken = 'ghs_unused',
): Record<string, string> {
  const contexts = contextsFor(given, secrets, githubToken);
  return Object.fromEntries(
    Object.entries(step.with).map(([name, value]) => [name, evaluate(value, contexts).coerceString()]),
  );
}

/** The job's runs-on for a caller's with:, as JSON-like data. */
export const runsOn = (given: Record<string, Value>): unknown =>
  plain(evaluate(job['runs-on'], contextsFor(given, {}, '')));

/** The job's concurrency group for a caller's with:, evaluated with the contexts GitHub allows there: no secrets. */
export const concurrencyGroup = (given: Record<string, Value>, github: Record<string, string> = {}): unknown =>
  plain(
    evaluate(job.concurrency.group, {
      github,
      inputs: inputsContext(given),
      vars: {},
      needs: {},
      strategy: {},
      matrix: {},
    }),
  );

/** The job's timeout-minutes for a caller's with:. */
export const timeoutMinutes = (given: Record<string, Value>): unknown =>
  plain(evaluate(job['timeout-minutes'], contextsFor(given, {}, '')));
