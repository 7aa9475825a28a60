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
export interface KeyText {
    /** How the user gave the key, as messages name it: --private-key-file, COZE_PRIVATE_KEY, ... */
    source: string | undefined;
    text: string;
}
/** One source of the key at a time; two at once is an error naming both, as is a source that gives nothing. */
export declare function readPrivateKey(flag: string | undefined, file: string | undefined, io: KeyIo, within: ReadWithin): Promise<KeyText>;
/** The console's coze_oauth_config.json: from --oauth-config-file, or its JSON in COZE_OAUTH_CONFIG; one of them. */
export declare function readOAuthConfig(file: string | undefined, io: KeyIo, within: ReadWithin): Promise<string>;
/** A problem with the key, named by the source it came from rather than by the setting. */
export declare function inKeySource<T>(source: string | undefined, read: () => T): T;
