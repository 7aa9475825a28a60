import { type MintDeps } from '../core/mint.js';
export declare const EXIT: {
    readonly ok: 0;
    readonly refused: 1;
    readonly badInput: 2;
    readonly network: 3;
};
export declare const HELP: string;
/** Where the key comes from: a stream of its bytes, which the command reads within bounds. */
export type ByteSource = AsyncIterable<Uint8Array | string>;
export interface CliIo {
    env: Record<string, string | undefined>;
    stdin: () => ByteSource;
    openFile: (path: string) => ByteSource;
    out: (text: string) => void;
    err: (text: string) => void;
}
/** A PEM of a 4096-bit key is about 3.3 KiB; anything past this is no key, and is not read further. */
export declare const MAX_KEY_BYTES: number;
export declare function runCli(argv: string[], io: CliIo, runDeps: MintDeps): Promise<number>;
