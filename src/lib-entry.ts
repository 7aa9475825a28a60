// The package entry: the Node check runs before the library (and undici) is loaded. Types come from lib.ts.
// On an older Node, importing throws an Error a host can catch; it never ends the host process.
import { nodeTooOld } from './node-version.js';

const tooOld = nodeTooOld(process.versions.node, 'coze-token-action');
if (tooOld !== undefined) throw new Error(tooOld);

export const { mintCozeToken, cozeTokenSource, runCommandLine, CozeError, InputError, NetworkError } = await import('./lib.js');
