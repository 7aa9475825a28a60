import { expect } from 'vitest';
import { type ActionDeps, runStep } from '../../src/action/index.ts';
import type { CozeStandIn } from './coze-stand-in.ts';
import { leaksIn } from './leaks.ts';
import { type CoreCall, recordingCore, recordingDeps } from './recording-core.ts';

export interface ActOptions {
  deps?: Partial<ActionDeps>;
  /** Private keys whose slices must not show anywhere (the one given as input). */
  pems?: string[];
  /** Other secrets that must not show. */
  extra?: string[];
}

/**
 * Runs the action in-process through runStep(core, deps) against the stand-in, with a recording core, and checks
 * that nothing secret reached any recorded call but setSecret and the token output.
 */
export async function act(standIn: CozeStandIn, inputs: Record<string, string>, options: ActOptions = {}) {
  const recording = recordingCore(inputs);
  const before = standIn.requests.length;
  await runStep(recording.core, recordingDeps(recording, options.deps));
  const sent = standIn.requests.slice(before);
  const pems = options.pems ?? [inputs['private-key'] ?? ''].filter((pem) => pem.includes('-----'));
  expect(leaksIn(recording.surface(), { pems, standIn, extra: options.extra ?? [] })).toEqual([]);
  return { ...recording, sent };
}

/** Position of the first call that matches, or -1. */
export function firstIndex(calls: CoreCall[], match: (call: CoreCall) => boolean): number {
  return calls.findIndex(match);
}

/** The run failed with one setFailed line matching `pattern`, and set no token, expiry or export. */
export function expectFailure(result: Awaited<ReturnType<typeof act>>, pattern: RegExp): string {
  const failures = result.failures();
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatch(pattern);
  const outputs = result.outputs();
  for (const name of ['token', 'expires-at', 'expires-in', 'user-id', 'user-name'])
    expect(outputs).not.toHaveProperty(name);
  expect(result.exported()).toEqual({});
  return failures[0] as string;
}
