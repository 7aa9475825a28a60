// The library, the package's entry: mintCozeToken, cozeTokenSource, their errors, and the CLI's entry.
export { runCommandLine } from '../cli/process.js';
export type { MintedToken } from '../core/coze-response.js';
export { CozeError, InputError, NetworkError } from '../core/errors.js';
export { type MintCozeTokenOptions, mintCozeToken } from './mint.js';
export { type CozeTokenSourceOptions, cozeTokenSource, EXPIRY_MARGIN_MS, REFRESH_RETRY_MS } from './token-source.js';
