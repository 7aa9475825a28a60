import { spawn } from 'node:child_process';

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A child Node with only PATH (and, on Windows, SYSTEMROOT) of this process's environment, plus `env`, and `stdin`
 * written to it. Asynchronous, so the servers it talks to, in this process, keep answering.
 */
export function spawnNode(node: string, args: string[], env: Record<string, string> = {}, stdin = ''): Promise<NodeRun> {
  const child = spawn(node, args, { env: { PATH: process.env.PATH ?? '', ...(process.env.SYSTEMROOT && { SYSTEMROOT: process.env.SYSTEMROOT }), ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
