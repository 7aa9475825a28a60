/** The secrets one run holds (the key, every JWT, the token, the github-token), to cut out of outside text by value. */
export interface Redactor {
    add(secret: string): void;
    /** The private key as given: any slice of its body counts. */
    addPrivateKey(raw: string): void;
    redact(text: string): string;
}
export declare function createRedactor(): Redactor;
