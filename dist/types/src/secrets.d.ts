/** The secrets one run holds (the key, every JWT, the token, the github-token), to cut out of outside text by value. */
export interface Redactor {
    add(secret: string): void;
    /** The private key as given: its body however it is wrapped. */
    addPrivateKey(raw: string): void;
    redact(text: string): string;
}
/**
 * Outside text may repeat a secret broken across lines, cut short, or with spaces in it, so the redactor matches
 * pieces: every 12-character slice of every secret, looked for in the text with its whitespace left out.
 */
export declare function createRedactor(): Redactor;
