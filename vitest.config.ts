import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // @actions/workflow-parser imports its JSON schemas without import attributes, which Node refuses; let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
