// A run's credentials protected in one call: the key's every line, the app id and the fingerprint, as given
// separately or in the console's config file, by every surface, before anything can fail or be written.
import type { Redactor } from '../safe-text/redactor.js';
import { configText, oauthConfigObject, oauthConfigSecrets } from './oauth-config.js';
import { privateKeySecrets } from './private-key.js';
import { parseBaseUrl } from './values.js';

export interface Credentials {
  appId?: string | undefined;
  publicKeyId?: string | undefined;
  privateKey?: string | undefined;
  /** The coze_oauth_config.json, as text or parsed. */
  oauthConfig?: string | Record<string, unknown> | undefined;
}

/**
 * The ids and site of a config file, if it can be read; a broken one is refused later, its secrets masked all the same.
 */
export function oauthConfigIds(oauthConfig: Credentials['oauthConfig']): {
  appId?: string;
  publicKeyId?: string;
  baseUrl?: string;
} {
  // Only names, read as the file writes them: the config itself (its key included) is checked once, by the config.
  const file = (typeof oauthConfig === 'string' ? oauthConfigObject(oauthConfig) : oauthConfig) ?? {};
  const text = (name: string) => configText(file, name).trim() || undefined;
  const [appId, publicKeyId, site] = [text('client_id'), text('public_key_id'), text('coze_api_base')];
  let baseUrl: string | undefined;
  try {
    baseUrl = site && parseBaseUrl(site).origin;
  } catch {
    // a site that is no base URL is refused by the config, in its words
  }
  return { ...(appId && { appId }), ...(publicKeyId && { publicKeyId }), ...(baseUrl && { baseUrl }) };
}

/**
 * Registers the credentials with the redactor: the key's lines however they are wrapped, and every line of a config
 * file (each also handed to `mask`, the runner's masking where there is one), and the ids, which the redactor names
 * ([app-id]) rather than blanks.
 */
export function protectCredentials(
  redactor: Redactor,
  credentials: Credentials,
  mask: (secret: string) => void = () => {},
): void {
  const fromFile = oauthConfigIds(credentials.oauthConfig);
  // The file's ids are among its secrets: the redactor names them ([app-id]) rather than blanking them.
  const fileIds = [fromFile.appId, fromFile.publicKeyId];
  const fileSecrets = credentials.oauthConfig ? oauthConfigSecrets(credentials.oauthConfig) : [];
  for (const secret of [...privateKeySecrets(credentials.privateKey ?? ''), ...fileSecrets]) {
    mask(secret);
    if (!fileIds.includes(secret)) redactor.add(secret);
  }
  for (const [name, id] of [
    ['app-id', credentials.appId],
    ['public-key-id', credentials.publicKeyId],
    ['app-id', fromFile.appId],
    ['public-key-id', fromFile.publicKeyId],
  ] as const) {
    if (id !== undefined) redactor.addIdentifier(name, id);
  }
}
