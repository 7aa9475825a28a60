import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ActionDeps, Core } from '../../src/action/index.ts';
import type { SummaryWriter } from '../../src/action/summary.ts';
import { defaultDeps, type MintDeps } from '../../src/core/mint.ts';
import { ROOT } from './paths.ts';

const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

/** One call the action made, in order: a core function, or 'send' when a request left for Coze. */
export interface CoreCall {
  name: string;
  args: unknown[];
}

/**
 * A stand-in for @actions/core that keeps every call in order, with the inputs a runner would give
 * (action.yml defaults included; ${{ }} defaults evaluate to '' as no expression runs here).
 */
export function recordingCore(inputs: Record<string, string>) {
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ACTION.inputs))
    values[name] = spec.default?.includes('${{') ? '' : (spec.default ?? '');
  Object.assign(values, inputs);
  const calls: CoreCall[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      void calls.push({ name, args });
  const summary: SummaryWriter = {
    addHeading: (...args) => (calls.push({ name: 'summary.addHeading', args }), summary),
    addTable: (...args) => (calls.push({ name: 'summary.addTable', args }), summary),
    write: async () => void calls.push({ name: 'summary.write', args: [] }),
  };
  const core: Core = {
    // As @actions/core: trimmed unless asked otherwise; YAML 1.2 core booleans only.
    getInput: (name, options) =>
      options?.trimWhitespace === false ? (values[name] ?? '') : (values[name] ?? '').trim(),
    getBooleanInput: (name) => {
      const value = (values[name] ?? '').trim();
      if (['true', 'True', 'TRUE'].includes(value)) return true;
      if (['false', 'False', 'FALSE'].includes(value)) return false;
      throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
    },
    setSecret: record('setSecret'),
    setOutput: record('setOutput'),
    exportVariable: record('exportVariable'),
    info: record('info'),
    debug: record('debug'),
    warning: record('warning'),
    setFailed: record('setFailed'),
    summary,
  } as Core;
  const named = (name: string) => calls.filter((call) => call.name === name);
  return {
    core,
    calls,
    named,
    outputs: (): Record<string, string> =>
      Object.fromEntries(named('setOutput').map((call) => [call.args[0], String(call.args[1])])),
    exported: (): Record<string, string> =>
      Object.fromEntries(named('exportVariable').map((call) => [call.args[0], String(call.args[1])])),
    secrets: (): string[] => named('setSecret').map((call) => String(call.args[0])),
    failures: (): string[] => named('setFailed').map((call) => String(call.args[0])),
    /** The summary table as name → cell text, HTML entities decoded. */
    summaryTable: (): Record<string, string> => {
      const rows = (named('summary.addTable')[0]?.args[0] ?? []) as Array<[{ data: string }, string]>;
      const decode = (html: string) =>
        html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
      return Object.fromEntries(rows.map(([name, value]) => [name.data, decode(value)]));
    },
    /** Everything a secret could reach other than the token output: every call but setSecret, token and COZE_API_TOKEN. */
    surface: (): string =>
      calls
        .filter((call) => call.name !== 'setSecret' && call.name !== 'send')
        .filter((call) => !(call.name === 'setOutput' && call.args[0] === 'token'))
        .filter((call) => !(call.name === 'exportVariable' && call.args[0] === 'COZE_API_TOKEN'))
        .map((call) => `${call.name} ${JSON.stringify(call.args)}`)
        .join('\n'),
  };
}

export type RecordingCore = ReturnType<typeof recordingCore>;

/**
 * Real dependencies (undici, the CSPRNG, the clock) with no real waits, and every request recorded in the
 * same list as the core calls, so that order across the two can be asserted.
 */
export function recordingDeps(recording: RecordingCore, overrides: Partial<ActionDeps> = {}): ActionDeps {
  const base: MintDeps = defaultDeps({
    sleep: async (ms) => void recording.calls.push({ name: 'sleep', args: [ms] }),
    random: () => 0,
  });
  const send: MintDeps['send'] = async (request) => {
    recording.calls.push({ name: 'send', args: [request.method, request.url, request.headers.authorization] });
    return base.send(request);
  };
  return { ...base, send, log: (message) => recording.core.info(message), env: {}, ...overrides };
}
