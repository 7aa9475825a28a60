#!/usr/bin/env node
// The coze-token command. It runs the library's bundle (dist/lib) rather than a copy of its own, and checks the
// Node version before loading it: on an old Node the bundle itself would fail while loading.
import { nodeTooOld } from '../core/node-version.js';

// Left as it is by the bundler: dist/cli/index.js loads dist/lib/index.js.
const LIBRARY = '../lib/index.js';

const tooOld = nodeTooOld(process.versions.node, 'coze-token');
if (tooOld === undefined) {
  const library = (await import(/* webpackIgnore: true */ LIBRARY)) as typeof import('../lib/entry.js');
  await library.runCommandLine();
} else {
  process.stderr.write(`${tooOld}\n`);
  process.exitCode = 2;
}
