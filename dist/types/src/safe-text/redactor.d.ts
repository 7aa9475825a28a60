import { type Setting, type Surface } from './terms.js';
/** Shorter ids are not cut out: they would blank ordinary words and numbers (Coze's app ids have 13 digits). */
export declare const MIN_IDENTIFIER_LENGTH = 6;
/**
 * Identifiers the README keeps in secrets (public text names the app by a digest, never by these), and the end
 * user's session-name, which the public alert issue leaves out even where Coze repeats it.
 */
export type Identifier = Extract<Setting, 'app-id' | 'public-key-id' | 'session-name'>;
/**
 * What one run keeps out of outside text, by value: its secrets (the key, every JWT, the token, the github-token)
 * and the ids the README keeps in secrets (the app id, the public key's fingerprint).
 */
export interface Redactor {
    add(secret: string): void;
    /** An id, cut out whole wherever it stands, case aside, and shown as the setting's name: [app-id]. */
    addIdentifier(name: Identifier, value: string): void;
    /**
     * The text without any secret or id; an id becomes a term (terms.ts), so write the text in a surface's words after.
     */
    redact(text: string): string;
}
/**
 * Outside text may repeat a secret broken across lines, cut short, with spaces or invisible characters in it, or in
 * fullwidth letters, so the redactor matches pieces: every 12-character slice of every secret, looked for in the
 * text's folded form (fold.ts). Ids are looked for whole in the same form, case aside.
 */
export declare function createRedactor(): Redactor;
/** Text for one surface: every secret and id the run holds cut out, then every term in the surface's words. */
export declare function publicText(redactor: Pick<Redactor, 'redact'>, surface: Surface, text: string): string;
