import * as core from '@actions/core';
import { run } from './action.js';
import { defaultDeps } from './mint.js';

await run(core, defaultDeps({ log: (message) => core.info(message) }));
