/** Where the key comes from: a stream of its bytes, which the command reads within bounds. */
export type ByteSource = AsyncIterable<Uint8Array | string>;
export interface KeyIo {
    env: Record<string, string | undefined>;
    stdin: () => ByteSource;
    openFile: (path: string) => ByteSource;
}
/** How long a source may take: the time left of the deadline, and the deadline as the user set it, for messages. */
export interface ReadWithin {
    leftMs: number;
    seconds: number;
}
export interface SecretText {
    /** How the user gave the secret, as messages name it: --private-key-file, COZE_PRIVATE_KEY, ... */
    source: string | undefined;
    text: string;
}
/** One source of the key at a time; two at once is an error naming both, as is a source that gives nothing. */
export declare function readPrivateKey(flag: string | undefined, file: string | undefined, io: KeyIo, within: ReadWithin): Promise<SecretText>;
/** The console's coze_oauth_config.json: from --oauth-config-file, or its JSON in COZE_OAUTH_CONFIG; one of them. */
export declare function readOAuthConfig(file: string | undefined, io: KeyIo, within: ReadWithin): Promise<SecretText>;
/** The secrets the command reads from a source of their own, each with where it came from. */
export type SecretSources = Partial<Record<'private-key' | 'oauth-config', SecretText>>;
/**
 * A problem with the key or the config file, named by the source it came from rather than by the setting; a file's
 * name given where its text goes is told where a name goes.
 */
export declare function inSecretSources<T>(sources: SecretSources, read: () => T): T;
