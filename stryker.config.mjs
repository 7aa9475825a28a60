// npm run mutate: mutation testing of src/ (entry glue excepted) against the in-process tests.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'src/**/*.ts',
    '!src/index.ts',
    '!src/main.ts',
    '!src/cli/bin.ts',
    '!src/cli/process.ts',
    '!src/lib/entry.ts',
    '!src/lib/node-check.ts',
  ],
  ignorePatterns: ['dist/*', '!dist/types', 'build', 'reports', 'coverage'],
  // Not under build/: npm run build empties that, and would pull the sandbox from under a running mutation test.
  tempDirName: '.stryker-tmp',
  // TypeScript 7 has no compiler API for Stryker's tsconfig rewriting (nor for its type checker); the sandbox
  // needs no rewriting, as tsconfig.json extends and references nothing outside the project.
  tsconfigFile: 'no-tsconfig-rewriting.json',
  concurrency: 2,
  // A mutant that lifts a bound (a loop that never ends while it appends, a redactor fed 20 MB) grows a test's heap
  // by gigabytes a second until its timeout; two at once took a 24 GB machine down. V8's heap cap is the process's,
  // so each test worker thread of a runner ends with ERR_WORKER_OUT_OF_MEMORY at 3 GiB instead, within seconds.
  testRunnerNodeArgs: ['--max-old-space-size=3072'],
  // Results are kept in reports/stryker-incremental.json: a rerun tests only the mutants and tests that changed.
  incremental: true,
  timeoutMS: 10_000,
  reporters: ['html', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // break: the goal for each part of src/ (npm run mutate -- <part>), so a part's score cannot quietly fall below it;
  // survivors: test/EQUIVALENT_MUTANTS.md.
  thresholds: { high: 99, low: 95, break: 97 },
};
