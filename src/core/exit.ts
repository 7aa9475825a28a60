// Ends a program whose work is written, even while the system's resolver still holds one of its threads.
import { systemResolver } from './lookup.js';

/** A stream the program wrote to: what no reader has taken yet, and the events that say it was taken. */
export interface Written {
  writableLength: number;
  once: (event: 'drain' | 'close' | 'error', listener: () => void) => unknown;
}

export interface ExitDeps {
  /** Name lookups the resolver has not answered yet, given up on or not. */
  unfinishedLookups: () => number;
  /** What the program wrote to: flushed before it ends. */
  streams: readonly Written[];
  /** process.execve: POSIX only, absent before Node 22.15. */
  execve: ((file: string, args: readonly string[], env: NodeJS.ProcessEnv) => never) | undefined;
  execPath: string;
}

/** The longest wait for a reader to take what the program wrote. */
export const FLUSH_MS = 1000;

export const processExit = (): ExitDeps => ({
  unfinishedLookups: systemResolver.unfinished,
  streams: [process.stdout, process.stderr],
  execve: process.execve?.bind(process),
  execPath: process.execPath,
});

function flushed(stream: Written): Promise<void> {
  if (stream.writableLength === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FLUSH_MS);
    for (const event of ['drain', 'close', 'error'] as const) {
      stream.once(event, () => {
        clearTimeout(timer);
        resolve();
      });
    }
  });
}

/**
 * A lookup that never answers cannot be cancelled, and libuv joins its thread pool when the process exits: even
 * process.exit() waits for the resolver's own timeout (10 to 20 s). So when a lookup is still unanswered, the
 * output is flushed and the process becomes a Node that exits at once with the program's code; where execve is
 * missing or refused (Windows), the process ends when the resolver gives up, as it would have.
 */
export async function endDespiteLookups(code: number, deps: ExitDeps): Promise<void> {
  if (deps.unfinishedLookups() === 0 || !deps.execve) return;
  await Promise.all(deps.streams.map(flushed));
  const exitCode = Number.isInteger(code) && code >= 0 && code <= 255 ? code : 1;
  try {
    deps.execve(deps.execPath, [deps.execPath, '-e', `process.exit(${exitCode})`], {});
  } catch {
    // Nothing better is left: the process ends when the resolver answers.
  }
}
