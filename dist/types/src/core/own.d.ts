export declare function ownRecord<T extends object>(value: T): T;
/**
 * This process's environment, own variables only: a name nobody set reads as undefined, whatever the prototype holds.
 */
export declare function ownEnvironment(env?: NodeJS.ProcessEnv): Record<string, string | undefined>;
