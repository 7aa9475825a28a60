/** GitHub's event payloads are a few to a few hundred KiB; past this the file is not read. */
export declare const MAX_EVENT_BYTES: number;
/** At most maxBytes of a file, as text; undefined when it is longer or cannot be read. */
export type ReadBounded = (path: string, maxBytes: number) => string | undefined;
export declare const readBounded: ReadBounded;
export declare const DEPENDABOT_HINT: string;
export declare const FORK_HINT: string;
/**
 * What to add to "is required" when the required secrets are empty: that GitHub withholds them from this run, and
 * what to do; undefined when nothing shows that it does.
 */
export declare function missingSecretsHint(env: Record<string, string | undefined>, read?: ReadBounded): string | undefined;
