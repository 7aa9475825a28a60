// Named imports (not the namespace) let the bundler leave out what @actions/core has that the action never calls.
import { debug, exportVariable, getBooleanInput, getInput, info, setFailed, setOutput, setSecret, summary } from '@actions/core';
import { run } from './action.js';
import { defaultDeps } from './mint.js';

const core = { debug, exportVariable, getBooleanInput, getInput, info, setFailed, setOutput, setSecret, summary };
await run(core, defaultDeps({ log: info }));
