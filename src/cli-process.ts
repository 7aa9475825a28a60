import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { runCli } from './cli.js';
import { createHttpClient } from './http.js';
import { defaultDeps } from './mint.js';

/** The coze-token command wired to this process: argv, environment, stdio, exit code. */
export async function main(): Promise<void> {
  const http = createHttpClient();
  try {
    process.exitCode = await runCli(
      process.argv.slice(2),
      {
        env: process.env,
        readStdin: () => text(process.stdin),
        readFile: (path) => readFile(path, 'utf8'),
        out: (chunk) => process.stdout.write(chunk),
        err: (chunk) => process.stderr.write(chunk),
      },
      defaultDeps({ log: (message) => process.stderr.write(`${message}\n`) }, http),
    );
  } finally {
    await http.close();
  }
}
