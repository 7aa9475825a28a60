import type { Redactor } from '../safe-text/redactor.js';
export interface Credentials {
    appId?: string | undefined;
    publicKeyId?: string | undefined;
    privateKey?: string | undefined;
}
/**
 * Registers the credentials with the redactor, before anything can fail or be written: the key's lines however
 * they are wrapped (each also handed to `mask`, the runner's masking where there is one), and the ids.
 */
export declare function protectCredentials(redactor: Redactor, credentials: Credentials, mask?: (secret: string) => void): void;
