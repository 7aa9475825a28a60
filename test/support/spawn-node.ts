import { type SpawnOptions, spawn } from 'node:child_process';

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a child gets: only PATH (and, on Windows, SYSTEMROOT) of this process's, plus `env`. */
export function childEnv(env: Record<string, string> = {}, path = process.env.PATH ?? ''): Record<string, string> {
  return { PATH: path, ...(process.env.SYSTEMROOT && { SYSTEMROOT: process.env.SYSTEMROOT }), ...env };
}

/** Any command, `stdin` written to it, its output collected. Asynchronous, so servers in this process keep answering. */
export function spawnCollecting(command: string, args: string[], options: SpawnOptions, stdin = ''): Promise<NodeRun> {
  const child = spawn(command, args, { ...options, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  // A child may exit before it reads its input (a refusal at start-up); the pipe then breaks, which is no failure.
  child.stdin.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * A child Node with only PATH (and, on Windows, SYSTEMROOT) of this process's environment, plus `env`, and `stdin`
 * written to it, in `cwd` (this process's by default). Asynchronous, so the servers it talks to, in this process,
 * keep answering.
 */
export function spawnNode(
  node: string,
  args: string[],
  env: Record<string, string> = {},
  stdin = '',
  cwd?: string,
): Promise<NodeRun> {
  return spawnCollecting(node, args, { ...(cwd && { cwd }), env: childEnv(env) }, stdin);
}
