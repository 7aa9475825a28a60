// The shape of one setting's value: ids, one-line text, whole numbers in range, JSON objects, the base URL.
import { oneLine } from '../safe-text/outside.js';
import { InputError } from './errors.js';
import { isLoopback } from './http.js';
import { jsonShape } from './json-text.js';
import { SETTINGS, type Setting } from './settings.js';

type Ranged = {
  [S in Setting]: (typeof SETTINGS)[S] extends { range: readonly [number, number] } ? S : never;
}[Setting];

/** Ids and fingerprints: printable ASCII, no spaces. */
export const IDENTIFIER = /^[\x21-\x7e]{1,256}$/;

export function parseIdentifier(input: Setting, text: string, pattern = IDENTIFIER): string {
  if (!pattern.test(text))
    throw new InputError(input, `expected ${SETTINGS[input].what}, without spaces or line breaks`);
  return text;
}

/** One line of text: no line breaks or other control characters, at most 256 characters. */
export function parseText(input: Setting, text: string, what: string): string {
  if (oneLine(text) !== text || text.length > 256)
    throw new InputError(input, `expected ${what}: one line of at most 256 characters, without control characters`);
  return text;
}

/** A whole number in the setting's range. */
export function parseInteger(input: Ranged, text: string): number {
  const [min, max] = SETTINGS[input].range;
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= min && number <= max)) throw new InputError(input, `expected a whole number from ${min} to ${max}`);
  return number;
}

/** Coze's scopes are a few levels deep and far under a kilobyte; these bounds leave room and stop abuse early. */
export const MAX_SCOPE_CHARACTERS = 16 * 1024;
export const MAX_SCOPE_DEPTH = 10;

export function parseScope(text: string): Record<string, unknown> {
  if (text.length > MAX_SCOPE_CHARACTERS)
    throw new InputError('scope', `expected a JSON object of at most ${MAX_SCOPE_CHARACTERS} characters`);
  if (jsonShape(text).depth > MAX_SCOPE_DEPTH)
    throw new InputError('scope', `expected a JSON object nested at most ${MAX_SCOPE_DEPTH} levels deep`);
  let scope: unknown;
  try {
    scope = JSON.parse(text);
  } catch {
    throw new InputError(
      'scope',
      'expected a JSON object, such as {"account_permission":{"permission_list":["Connector.botChat"]}}; it is not ' +
        'valid JSON',
    );
  }
  if (typeof scope !== 'object' || scope === null || Array.isArray(scope))
    throw new InputError('scope', 'expected a JSON object ({...}), not a JSON array, string, number or null');
  return scope as Record<string, unknown>;
}

const MAX_BASE_URL_LENGTH = 1024;

/** Only an origin: https anywhere, http only to loopback, so a JWT never crosses a network in clear. */
export function parseBaseUrl(text: string): URL {
  const expected = 'expected the origin of the Coze API, https://api.coze.cn or https://api.coze.com';
  // An origin is short (a host name is at most 253 characters); no pattern or parser reads a longer text.
  if (text.length > MAX_BASE_URL_LENGTH)
    throw new InputError('base-url', `${expected}, of ${MAX_BASE_URL_LENGTH} characters at most`);
  // api.coze.cn:443 would parse, as a URL of the scheme "api.coze.cn:".
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    throw new InputError('base-url', `${expected}; this has no https:// in front`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('base-url', `${expected}; this is not a URL`);
  }
  if (url.username || url.password) throw new InputError('base-url', `${expected}, without credentials in it`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InputError(
      'base-url',
      `${expected}; plain http:// is allowed only for localhost, 127.x.x.x and [::1], so the signed JWT never ` +
        `crosses a network in clear`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError('base-url', `${expected}; only https:// URLs are supported (http:// to localhost)`);
  if (url.search || url.hash) throw new InputError('base-url', `${expected}, without a query or fragment`);
  if (url.pathname !== '/') {
    throw new InputError('base-url', `${expected}, without a path (/api/permission/oauth2/token is added to it)`);
  }
  return url;
}
