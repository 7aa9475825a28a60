import { type MintDeps } from './mint.js';
export declare const EXIT: {
    readonly ok: 0;
    readonly refused: 1;
    readonly badInput: 2;
    readonly network: 3;
};
export declare const HELP: string;
export interface CliIo {
    env: Record<string, string | undefined>;
    readStdin: () => Promise<string>;
    readFile: (path: string) => Promise<string>;
    out: (text: string) => void;
    err: (text: string) => void;
}
export declare function runCli(argv: string[], io: CliIo, runDeps: MintDeps): Promise<number>;
