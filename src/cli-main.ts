#!/usr/bin/env node
// The Node check runs before the rest is loaded: on an old Node the bundle itself would crash while loading.
import { exitIfNodeTooOld } from './node-version.js';

exitIfNodeTooOld('coze-token');
await (await import('./cli-process.js')).main();
