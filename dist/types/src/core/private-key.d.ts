import { type KeyObject } from 'node:crypto';
/** A PEM of a 4096-bit key is about 3.3 KiB; past this, nothing is a key, and nothing reads further. */
export declare const MAX_PRIVATE_KEY_LENGTH: number;
export declare const KEY_TOO_LONG = "holds more than 64 KiB, which is no private key (a PEM is a few KiB)";
/** Some secret stores mangle newlines, so a PEM may arrive base64-encoded on one line; anything else stays as it is. */
export declare function decodeBase64Pem(raw: string): string;
/**
 * Undo what secret stores and copy-paste do to a PEM: base64 around it, literal "\n" escapes, CRLF, quotes,
 * indentation, blank lines, or all line breaks lost. Returns the PEM rebuilt with 64-column lines, and its label.
 * (A PEM with headers is an encrypted one, refused anyway: its "ENCRYPTED" survives in the rebuilt text.)
 */
export declare function normalizePem(raw: string): {
    label: string;
    pem: string;
    body: string;
} | undefined;
/** Lines worth registering as secrets: the key's body however it is wrapped, and the raw input's own lines. */
export declare function privateKeySecrets(raw: string): string[];
/** Parse the private-key input into an RSA KeyObject, or throw one InputError that never quotes the key. */
export declare function parsePrivateKey(raw: string): KeyObject;
