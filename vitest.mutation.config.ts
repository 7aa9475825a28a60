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
        // test/repository/ reads the source as text, which Stryker's instrumented sandbox changes; the settings
        // table's checks read only the table and files beside it, and kill its mutants.
        'test/repository/!(settings-table).test.ts',
        'test/properties/leaks.test.ts',
        'test/action/local-action.test.ts',
        '**/node_modules/**',
      ],
    },
  }),
);
