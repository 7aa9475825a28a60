// The library's Node check, a module of its own: the package entry imports it before the library, and ES modules
// run their imports in order, so on an older Node this throws before the library (and undici) runs. No top-level
// await here or in the library, so that require() loads the package as well as import does.
import { nodeTooOld } from '../core/node-version.js';

const tooOld = nodeTooOld(process.versions.node, 'coze-token-action');
if (tooOld !== undefined) throw new Error(tooOld);
