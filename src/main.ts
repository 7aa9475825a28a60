// Named imports (not the namespace) let the bundler leave out what @actions/core has that the action never calls.
import { debug, exportVariable, getBooleanInput, getInput, info, setFailed, setOutput, setSecret, summary, warning } from '@actions/core';
import { run } from './action.js';
import { defaultDeps } from './mint.js';

const core = { debug, exportVariable, getBooleanInput, getInput, info, setFailed, setOutput, setSecret, summary, warning };
await run(core, { ...defaultDeps({ log: info }), env: process.env });
