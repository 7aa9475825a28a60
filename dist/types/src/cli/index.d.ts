import { type MintDeps } from '../core/mint.js';
import { type KeyIo } from './key-file.js';
export { EXIT, HELP } from './help.js';
export type { ByteSource } from './key-file.js';
export interface CliIo extends KeyIo {
    out: (text: string) => void;
    err: (text: string) => void;
}
export declare function runCli(argv: string[], io: CliIo, runDeps: MintDeps): Promise<number>;
