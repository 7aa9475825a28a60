// The package entry: the Node check runs before the library (and undici) is loaded. Types come from lib.ts.
import { exitIfNodeTooOld } from './node-version.js';

exitIfNodeTooOld('coze-token-action');
export const { mintCozeToken, CozeError, InputError, NetworkError } = await import('./lib.js');
