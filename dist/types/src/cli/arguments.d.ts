export interface CommandLine {
    values: Record<string, string | boolean | undefined>;
    positionals: string[];
    positionalIndexes: number[];
}
/**
 * The arguments, checked by their position: an argument the command does not know is never repeated, since it may
 * be a key pasted in the wrong place.
 */
export declare function parseCommandLine(argv: string[]): CommandLine;
