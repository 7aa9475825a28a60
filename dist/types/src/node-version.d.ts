/** The CLI and the library are tested on Node 24, as runners run the action (runs.using: node24); undici needs 22.19+. */
export declare const REQUIRED_NODE_MAJOR = 24;
/** One line to print when this Node is too old, before anything that needs a newer one is loaded; undefined when it will do. */
export declare function nodeTooOld(version: string, program: string): string | undefined;
/** Exits with code 2 (bad input: the environment) on a Node that is too old. */
export declare function exitIfNodeTooOld(program: string): void;
