import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * @actions/workflow-parser ships source-map comments that point at sources it does not ship, and Vite would
 * warn once per file; load its files without them.
 */
const quietWorkflowParserSourceMaps: Plugin = {
  name: 'quiet-workflow-parser-source-maps',
  enforce: 'pre',
  load(id) {
    const file = id.split('?')[0] as string;
    if (!/[/\\]@actions[/\\]workflow-parser[/\\].*\.js$/.test(file)) return null;
    return { code: readFileSync(file, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, ''), map: null };
  },
};

export default defineConfig({
  plugins: [quietWorkflowParserSourceMaps],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    server: {
      deps: {
        // @actions/workflow-parser imports its JSON schemas without import attributes, which Node refuses; let Vite load it.
        inline: ['@actions/workflow-parser'],
        // dist/ is loaded by Node itself, as users load it (its chunks are found relative to the file).
        external: [/[/\\]dist[/\\]/],
      },
    },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // Entry glue: what it wires is tested through dist/ (test/bundle/), where coverage cannot see.
      exclude: [
        'src/index.ts',
        'src/main.ts',
        'src/cli/bin.ts',
        'src/cli/process.ts',
        'src/lib/entry.ts',
        'src/lib/node-check.ts',
      ],
      reporter: ['text-summary', 'text'],
      reportsDirectory: 'reports/coverage',
      thresholds: { lines: 100, branches: 95 },
    },
  },
});
