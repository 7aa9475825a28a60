import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './paths.ts';

export { ROOT };

const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Everything a runner would put in the log, in order. */
  log: string;
  outputs: Record<string, string>;
  env: Record<string, string>;
  summary: string;
  durationMs: number;
}

/** GITHUB_OUTPUT / GITHUB_ENV: name<<DELIMITER, value lines, DELIMITER. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] as string);
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const end = lines.indexOf(delimiter, i + 1);
    values[name] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return values;
}

/** Runs dist/index.js as a runner does: INPUT_* with action.yml defaults, the file commands, stdout as workflow commands. */
export async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
  script = 'dist/index.js',
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'coze-action-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  // Windows needs SYSTEMROOT to start Node's crypto; nothing else of this process's environment goes in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    ...(process.env.SYSTEMROOT && { SYSTEMROOT: process.env.SYSTEMROOT }),
    ...files,
    ...extraEnv,
  };
  // A runner evaluates ${{ }} defaults; here none runs, so they are empty.
  for (const [name, spec] of Object.entries(ACTION.inputs))
    env[`INPUT_${name.toUpperCase()}`] = spec.default?.includes('${{') ? '' : (spec.default ?? '');
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const started = performance.now();
  const child = spawn(process.execPath, [isAbsolute(script) ? script : join(ROOT, script)], {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk), (log += chunk)));
  child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk), (log += chunk)));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    return {
      code,
      stdout,
      stderr,
      log,
      outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      durationMs: performance.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Workflow commands the runner acts on, e.g. ::error::, ::add-mask::. */
export function commands(stdout: string, name: string): string[] {
  const prefix = `::${name}`;
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.slice(line.indexOf('::', 2) + 2));
}

/** The log a person would see: the runner hides ::add-mask:: lines and replaces masked values. */
export function visibleLog(run: ActionRun): string {
  return run.log
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Every place a secret could reach other than the token output: log (minus mask commands), env file, summary, other outputs. */
export function leakSurface(run: ActionRun): string {
  const outputs = Object.entries(run.outputs)
    .filter(([name]) => name !== 'token')
    .map(([name, value]) => `${name}=${value}`);
  const env = Object.entries(run.env)
    .filter(([name]) => name !== 'COZE_API_TOKEN')
    .map(([name, value]) => `${name}=${value}`);
  return [visibleLog(run), run.summary, ...outputs, ...env].join('\n');
}
