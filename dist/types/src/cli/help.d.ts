export declare const EXIT: {
    readonly ok: 0;
    readonly refused: 1;
    readonly badInput: 2;
    readonly network: 3;
};
export declare const HELP: string;
