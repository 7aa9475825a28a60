// A run's credentials protected in one call: the key's every line, the app id and the fingerprint, by every surface.
import type { Redactor } from '../safe-text/redactor.js';
import { privateKeySecrets } from './private-key.js';

export interface Credentials {
  appId?: string | undefined;
  publicKeyId?: string | undefined;
  privateKey?: string | undefined;
}

/**
 * Registers the credentials with the redactor, before anything can fail or be written: the key's lines however
 * they are wrapped (each also handed to `mask`, the runner's masking where there is one), and the ids.
 */
export function protectCredentials(redactor: Redactor, credentials: Credentials, mask: (secret: string) => void = () => {}): void {
  for (const secret of privateKeySecrets(credentials.privateKey ?? '')) {
    mask(secret);
    redactor.add(secret);
  }
  redactor.addIdentifier('app-id', credentials.appId ?? '');
  redactor.addIdentifier('public-key-id', credentials.publicKeyId ?? '');
}
