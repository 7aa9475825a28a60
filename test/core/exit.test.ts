// Ending a program while a lookup is unanswered: only then, only once its output is taken, with its exit code.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { type ExitDeps, endDespiteLookups, FLUSH_MS, processExit } from '../../src/core/exit.ts';

/** A stream holding `pending` bytes nobody has taken yet. */
const stream = (pending = 0) => Object.assign(new EventEmitter(), { writableLength: pending });

function fakeExit(unfinished: number, streams: ExitDeps['streams'] = [stream(), stream()]) {
  const calls: Array<[string, readonly string[], NodeJS.ProcessEnv]> = [];
  const deps: ExitDeps = {
    unfinishedLookups: () => unfinished,
    streams,
    execve: (file, args, env) => {
      calls.push([file, args, env]);
      return undefined as never;
    },
    execPath: '/opt/node',
  };
  return { calls, deps };
}

describe('endDespiteLookups', () => {
  it('leaves a process with no unanswered lookup to end by itself', async () => {
    const { calls, deps } = fakeExit(0);
    await endDespiteLookups(1, deps);
    expect(calls).toEqual([]);
  });

  it("becomes a Node that exits at once with the program's code, with nothing of its environment", async () => {
    const { calls, deps } = fakeExit(1);
    await endDespiteLookups(3, deps);
    expect(calls).toEqual([['/opt/node', ['/opt/node', '-e', 'process.exit(3)'], {}]]);
  });

  it('keeps every exit code from 0 to 255', async () => {
    for (const code of [0, 255]) {
      const { calls, deps } = fakeExit(1);
      await endDespiteLookups(code, deps);
      expect(calls[0]?.[1]).toEqual(['/opt/node', '-e', `process.exit(${code})`]);
    }
  });

  it('exits 1 for a code that is no exit code', async () => {
    for (const code of [Number.NaN, -1, 256, 1.5]) {
      const { calls, deps } = fakeExit(1);
      await endDespiteLookups(code, deps);
      expect(calls[0]?.[1]).toEqual(['/opt/node', '-e', 'process.exit(1)']);
    }
  });

  it('first lets the readers take what was written, waiting for each stream to drain or close', async () => {
    const out = stream(10);
    const err = stream(5);
    const { calls, deps } = fakeExit(1, [out, err]);
    const ending = endDespiteLookups(0, deps);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([]);
    out.emit('drain');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([]);
    err.emit('close');
    await ending;
    expect(calls).toHaveLength(1);
  });

  it('goes on as soon as each stream is taken, its wait cleared, and at once for a stream with nothing pending', async () => {
    vi.useFakeTimers();
    try {
      for (const event of ['drain', 'close', 'error'] as const) {
        const pending = stream(10);
        const { calls, deps } = fakeExit(1, [stream(0), pending]);
        const ending = endDespiteLookups(0, deps);
        await vi.advanceTimersByTimeAsync(0);
        expect(calls).toEqual([]);
        pending.emit(event);
        await vi.advanceTimersByTimeAsync(0);
        expect([event, calls.length, vi.getTimerCount()]).toEqual([event, 1, 0]);
        await ending;
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for a reader that takes nothing no longer than FLUSH_MS', async () => {
    const { calls, deps } = fakeExit(1, [stream(10)]);
    const started = performance.now();
    await endDespiteLookups(0, deps);
    expect(performance.now() - started).toBeGreaterThanOrEqual(FLUSH_MS - 50);
    expect(calls).toHaveLength(1);
  });

  it('leaves the process as it is where execve is missing or refused', async () => {
    const { deps } = fakeExit(1);
    await expect(endDespiteLookups(1, { ...deps, execve: undefined })).resolves.toBeUndefined();
    const refused = () => {
      const unavailable = { code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM' };
      throw Object.assign(new Error('process.execve is not available on this platform'), unavailable);
    };
    await expect(endDespiteLookups(1, { ...deps, execve: refused })).resolves.toBeUndefined();
  });

  it("is wired to this process: its streams, its Node, the system resolver's count", () => {
    const deps = processExit();
    expect(deps.streams).toEqual([process.stdout, process.stderr]);
    expect(deps.execPath).toBe(process.execPath);
    expect(deps.unfinishedLookups()).toBe(0);
    expect(typeof deps.execve).toBe(typeof process.execve);
  });

  it('has no execve where this Node has none (Windows, or before 22.15)', () => {
    const own = Object.getOwnPropertyDescriptor(process, 'execve');
    Object.defineProperty(process, 'execve', { value: undefined, configurable: true, writable: true });
    try {
      expect(processExit().execve).toBeUndefined();
    } finally {
      if (own) Object.defineProperty(process, 'execve', own);
      else delete (process as { execve?: unknown }).execve;
    }
  });
});
