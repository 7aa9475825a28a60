// The package entry, for import and require() alike: the Node check first, then the library. Types come from lib.ts.
// On an older Node, loading throws an Error a host can catch; it never ends the host process.
import './lib-node-check.js';

export { CozeError, cozeTokenSource, InputError, mintCozeToken, NetworkError, runCommandLine } from './lib.js';
