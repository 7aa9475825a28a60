// For `npm run mutate`: the in-process tests only. The tests of dist/ (test/bundle/) run the built bundle,
// which a mutant of src/ never reaches, and the workflow and stand-in tests do not touch src/.
// Stryker caps the heap of the processes that run these (testRunnerNodeArgs in stryker.config.mjs).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
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
