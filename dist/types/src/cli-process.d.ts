/** The coze-token command wired to this process: argv, environment, stdio, exit code. */
export declare function main(): Promise<void>;
