// The test helper that runs children: a child that leaves before reading its input is a result, not a crash.
import { describe, expect, it } from 'vitest';
import { spawnCollecting } from './spawn-node.ts';

describe('spawnCollecting', () => {
  it('gives the exit code of a child that exits before it reads the input written to it', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const run = await spawnCollecting(process.execPath, ['-e', 'process.exit(3)'], {}, 'x'.repeat(1 << 20));
      expect([run.code, run.stdout, run.stderr]).toEqual([3, '', '']);
    }
  });
});
