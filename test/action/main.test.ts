// run() with its default dependencies: the runner's environment read as own variables only.
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/main.ts';
import { recordingCore } from '../support/recording-core.ts';

const ACTORS = ['GITHUB_ACTOR', 'GITHUB_TRIGGERING_ACTOR'] as const;
const saved = Object.fromEntries(ACTORS.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of ACTORS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('run() with the default dependencies', () => {
  it("reads the runner's own variables: Dependabot named in GITHUB_ACTOR gets its hint", async () => {
    for (const name of ACTORS) delete process.env[name];
    process.env.GITHUB_ACTOR = 'dependabot[bot]';
    const recording = recordingCore({});
    await run(recording.core);
    expect(recording.failures()).toHaveLength(1);
    expect(recording.failures()[0]).toContain('Dependabot started this run');
  });

  it('reads nothing a polluted Object.prototype holds in place of a variable the runner did not set', async () => {
    for (const name of ACTORS) delete process.env[name];
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.GITHUB_ACTOR = 'dependabot[bot]';
    const recording = recordingCore({});
    try {
      await run(recording.core);
    } finally {
      delete prototype.GITHUB_ACTOR;
    }
    expect(recording.failures()).toHaveLength(1);
    expect(recording.failures()[0]).toContain('are required');
    expect(recording.failures()[0]).not.toContain('Dependabot');
  });
});
