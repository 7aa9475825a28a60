// The coze-token command wired to this process: argv, environment, standard streams, key files, exit code.
import { closeSync, constants, createReadStream, fstat, open } from 'node:fs';
import { Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { isatty, ReadStream as TtyReadStream } from 'node:tty';
import { endDespiteLookups, processExit } from '../core/exit.js';
import { createHttpClient } from '../core/http.js';
import { defaultDeps } from '../core/mint.js';
import { ownEnvironment } from '../core/own.js';
import { runCli } from './index.js';

/** After the answer is written, anything still open (a pipe nobody writes to) holds the process this long at most. */
const LINGER_MS = 1000;

/**
 * A key file as a stream that can always be given up on. Opened without blocking, so that a FIFO with no writer
 * does not hold a worker thread (which no exit could end), and read through the event loop when it is a pipe or a
 * terminal, where a read may wait for ever.
 */
export function openKeyFile(path: string): Readable {
  const out = new PassThrough();
  open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0), (error, fd) => {
    if (error) return void out.destroy(error);
    fstat(fd, (statError, stats) => {
      if (statError) {
        closeSync(fd);
        return void out.destroy(statError);
      }
      const source: Readable =
        stats.isFIFO() || stats.isSocket()
          ? new Socket({ fd, readable: true, writable: false })
          : isatty(fd)
            ? new TtyReadStream(fd)
            : createReadStream('', { fd });
      source.on('error', (readError) => out.destroy(readError));
      out.on('close', () => source.destroy());
      source.pipe(out);
    });
  });
  return out;
}

/** The coze-token command wired to this process: argv, environment, stdio, exit code. */
export async function runCommandLine(): Promise<void> {
  const http = createHttpClient();
  // A reader that went away (coze-token mint | head -c0) fails the command with its exit code, not a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => {
      process.exitCode ||= 1;
    });
  }
  try {
    process.exitCode = await runCli(
      process.argv.slice(2),
      {
        env: ownEnvironment(),
        stdin: () => process.stdin,
        openFile: openKeyFile,
        out: (chunk) => process.stdout.write(chunk),
        err: (chunk) => process.stderr.write(chunk),
      },
      defaultDeps({}, http),
    );
  } finally {
    await http.close();
    await endDespiteLookups(Number(process.exitCode ?? 0), processExit());
    // Standard input from a terminal, or a pipe whose writer never ends, must not keep the command alive.
    setTimeout(() => process.exit(), LINGER_MS).unref();
  }
}
