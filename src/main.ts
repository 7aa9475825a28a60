// Named imports (not the namespace) let the bundler leave out what @actions/core has that the action never calls.
import {
  debug,
  exportVariable,
  getBooleanInput,
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning,
} from '@actions/core';
import { type ActionDeps, type Core, runStep } from './action/index.js';
import { createHttpClient } from './core/http.js';
import { defaultDeps } from './core/mint.js';
import { ownEnvironment } from './core/own.js';

/**
 * The whole step, by default with the runner's @actions/core and this process's environment. Importing this
 * module does nothing: src/index.ts (the bundle's entry) and GitHub's local-action call run().
 */
export async function run(
  core: Core = {
    debug,
    exportVariable,
    getBooleanInput,
    getInput,
    info,
    setFailed,
    setOutput,
    setSecret,
    summary,
    warning,
  },
  deps?: ActionDeps,
): Promise<void> {
  const http = createHttpClient();
  try {
    await runStep(core, deps ?? { ...defaultDeps({}, http), env: ownEnvironment() });
  } finally {
    await http.close();
  }
}
