/** The CLI and the library serve Node 22.19 and later (undici 8 needs no less); the action runs on node24. */
export declare const REQUIRED_NODE: {
    readonly major: 22;
    readonly minor: 19;
};
/**
 * One line to print when this Node is too old, before anything that needs a newer one is loaded; undefined when it will
 * do.
 */
export declare function nodeTooOld(version: string, program: string): string | undefined;
