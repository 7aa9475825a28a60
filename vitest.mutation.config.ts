// For `npm run mutate`: the in-process tests only. The tests of dist/ (test/bundle/) run the built bundle,
// which a mutant of src/ never reaches, and the workflow and stand-in tests do not touch src/.
// A mutant that lifts a bound (a loop that never ends while it appends, a redactor fed 20 MB) grows a test worker's
// heap by gigabytes a second until the mutant's timeout; with two at once that took a 24 GB machine down. Each
// worker's heap is capped, so such a mutant ends in an out-of-memory crash of its own worker within seconds.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      execArgv: ['--max-old-space-size=3072'],
      // Instrumented code runs several times slower: the fuzz properties try a tenth of their cases, and a test has longer.
      env: { FUZZ_SCALE: '0.1' },
      testTimeout: 120_000,
      exclude: [
        'test/bundle/**',
        'test/workflows.test.ts',
        'test/release.test.ts',
        'test/stand-in.test.ts',
        'test/leaks.test.ts',
        'test/local-action.test.ts',
        '**/node_modules/**',
      ],
    },
  }),
);
