import { createReadStream } from 'node:fs';
import { runCli } from './cli.js';
import { createHttpClient } from './http.js';
import { defaultDeps } from './mint.js';

/** After the answer is written, a key source still blocked (a FIFO nobody writes to) holds the process this long at most. */
const LINGER_MS = 1000;

/** The coze-token command wired to this process: argv, environment, stdio, exit code. */
export async function main(): Promise<void> {
  const http = createHttpClient();
  try {
    process.exitCode = await runCli(
      process.argv.slice(2),
      {
        env: process.env,
        stdin: () => process.stdin,
        openFile: (path) => createReadStream(path),
        out: (chunk) => process.stdout.write(chunk),
        err: (chunk) => process.stderr.write(chunk),
      },
      defaultDeps({}, http),
    );
  } finally {
    await http.close();
    // Opening a FIFO waits for a writer in a worker thread that nothing can cancel; only the exit ends it.
    setTimeout(() => process.exit(), LINGER_MS).unref();
  }
}
