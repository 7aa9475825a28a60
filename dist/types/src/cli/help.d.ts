export declare const EXIT: {
    readonly ok: 0;
    readonly refused: 1;
    readonly badInput: 2;
    readonly network: 3;
};
/**
 * One row of the options: the flag, its help, and its variable in a column of their own; a help line too long to
 * leave room for the variable puts it on a line of its own, under the others.
 */
export declare function helpLine([flag, help, env]: readonly [string, string, string]): string;
export declare const HELP: string;
