/**
 * Whether npm took the command's flags for its own config (npm run coze-token mint --app-id …, without the --):
 * npm then hands them to no one, and sets npm_config_app_id and the like instead. Only the flags' own names, none
 * that npm has a config of (scope; the aliases timeout and scopes), which an .npmrc may set.
 */
export declare function npmTookFlags(env: Record<string, string | undefined>): boolean;
export declare const npmHint: (command?: string) => string;
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
