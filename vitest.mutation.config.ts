// For `npm run mutate`: the in-process tests only. The tests of dist/ (test/bundle/) run the built bundle,
// which a mutant of src/ never reaches, and the workflow and stand-in tests do not touch src/.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default mergeConfig(
  base,
  defineConfig({
    test: {
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
