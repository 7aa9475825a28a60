import './lib-node-check.js';
export { CozeError, cozeTokenSource, InputError, mintCozeToken, NetworkError, runCommandLine } from './lib.js';
