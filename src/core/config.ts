import type { KeyObject } from 'node:crypto';
import { oneLine } from '../safe-text/outside.js';
import { type Setting, term } from '../safe-text/terms.js';
import { InputError } from './errors.js';
import { isLoopback } from './http.js';
import { parsePrivateKey } from './private-key.js';

export const DEFAULTS = {
  'base-url': 'https://api.coze.cn',
  'duration-seconds': '900',
  'timeout-seconds': '30',
  'deadline-seconds': '120',
  retries: '3',
} as const;

export const MAX_DURATION_SECONDS = 86399;

/** The three settings with no default, and what each one is. */
const REQUIRED = {
  'app-id': "the OAuth app's id from the Coze console",
  'public-key-id': "the public key's fingerprint (公钥指纹) from the Coze console",
  'private-key': "the app's private key (PEM) that the Coze console let you download",
} as const;

/** Everything the mint needs, validated. Built once from inputs, flags or environment. */
export interface MintConfig {
  appId: string;
  publicKeyId: string;
  privateKey: KeyObject;
  baseUrl: string;
  audience: string;
  durationSeconds: number;
  sessionName?: string;
  scope?: Record<string, unknown>;
  accountId?: string;
  enterpriseId?: string;
  timeoutMs: number;
  /** The whole run, mint and verify together, every attempt and every wait. */
  deadlineMs: number;
  retries: number;
}

/** The action's inputs that make the config: every setting but verify, which only the action and the CLI's check read. */
export type InputName = Exclude<Setting, 'verify' | 'oauth-config' | 'session-context' | 'expected-user-id'>;

/** Reads one input as text; '' when it was not given. */
export type ReadInput = (name: InputName) => string;

export function readMintConfig(read: ReadInput): MintConfig {
  const value = (name: InputName): string => read(name).trim();
  // Every missing credential is named at once, so one run tells the whole setup what is left to do.
  const missing = (Object.keys(REQUIRED) as Array<keyof typeof REQUIRED>).filter((name) => value(name) === '');
  if (missing.length > 0) {
    throw new InputError(missing, `${missing.length > 1 ? 'are' : 'is'} required: ${missing.map((name) => REQUIRED[name]).join('; ')}`);
  }
  const orDefault = (name: keyof typeof DEFAULTS): string => value(name) || DEFAULTS[name];
  const baseUrl = parseBaseUrl(orDefault('base-url'));
  const sessionName = value('session-name');
  const scope = value('scope');
  const accountId = value('account-id');
  const enterpriseId = value('enterprise-id');
  if (accountId && enterpriseId)
    throw new InputError('enterprise-id', `cannot be used together with ${term('account-id')}: set one of them (they choose different token endpoints)`);
  return {
    appId: parseIdentifier('app-id', value('app-id'), REQUIRED['app-id']),
    publicKeyId: parseIdentifier('public-key-id', value('public-key-id'), REQUIRED['public-key-id']),
    privateKey: parsePrivateKey(read('private-key')),
    baseUrl: baseUrl.origin,
    audience: parseText('audience', value('audience'), 'the JWT audience') || baseUrl.hostname,
    durationSeconds: parseInteger('duration-seconds', orDefault('duration-seconds'), 1, MAX_DURATION_SECONDS),
    ...(sessionName && { sessionName: parseText('session-name', sessionName, "an end user's id for the token's session") }),
    ...(scope && { scope: parseScope(scope) }),
    ...(accountId && {
      accountId: parseIdentifier(
        'account-id',
        accountId,
        'the numeric id of a Coze organisation, or of the workspace owner for cross-account use',
        /^\d{1,32}$/,
      ),
    }),
    ...(enterpriseId && {
      enterpriseId: parseIdentifier('enterprise-id', enterpriseId, 'a Coze enterprise id such as volcano_2101…', /^[A-Za-z0-9_-]{1,128}$/),
    }),
    timeoutMs: parseInteger('timeout-seconds', orDefault('timeout-seconds'), 1, 600) * 1000,
    deadlineMs: parseInteger('deadline-seconds', orDefault('deadline-seconds'), 1, 3600) * 1000,
    retries: parseInteger('retries', orDefault('retries'), 0, 10),
  };
}

/** Ids and fingerprints: printable ASCII, no spaces. */
export const IDENTIFIER = /^[\x21-\x7e]{1,256}$/;

function parseIdentifier(input: InputName, text: string, what: string, pattern = IDENTIFIER): string {
  if (!pattern.test(text)) throw new InputError(input, `expected ${what}, without spaces or line breaks`);
  return text;
}

/** One line of text: no line breaks or other control characters, at most 256 characters. */
function parseText(input: InputName, text: string, what: string): string {
  if (oneLine(text) !== text || text.length > 256)
    throw new InputError(input, `expected ${what}: one line of at most 256 characters, without control characters`);
  return text;
}

/** deadline-seconds read on its own, before anything else can fail; undefined when it is not valid. */
export function deadlineMsOf(text: string | undefined): number | undefined {
  try {
    return parseInteger('deadline-seconds', text || DEFAULTS['deadline-seconds'], 1, 3600) * 1000;
  } catch {
    return undefined;
  }
}

export const DEFAULT_DEADLINE_MS = Number(DEFAULTS['deadline-seconds']) * 1000;

export function parseInteger(input: string, text: string, min: number, max: number): number {
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= min && number <= max)) throw new InputError(input, `expected a whole number from ${min} to ${max}`);
  return number;
}

/** Coze's scopes are a few levels deep and far under a kilobyte; these bounds leave room and stop abuse early. */
export const MAX_SCOPE_CHARACTERS = 16 * 1024;
export const MAX_SCOPE_DEPTH = 10;

/** How deeply arrays and objects nest in JSON text, read without parsing it (so no depth can overflow the stack). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (escaped) escaped = false;
    else if (inString) {
      if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

function parseScope(text: string): Record<string, unknown> {
  if (text.length > MAX_SCOPE_CHARACTERS) throw new InputError('scope', `expected a JSON object of at most ${MAX_SCOPE_CHARACTERS} characters`);
  if (jsonDepth(text) > MAX_SCOPE_DEPTH) throw new InputError('scope', `expected a JSON object nested at most ${MAX_SCOPE_DEPTH} levels deep`);
  let scope: unknown;
  try {
    scope = JSON.parse(text);
  } catch {
    throw new InputError('scope', 'expected a JSON object, such as {"account_permission":{"permission_list":["Connector.botChat"]}}; it is not valid JSON');
  }
  if (typeof scope !== 'object' || scope === null || Array.isArray(scope))
    throw new InputError('scope', 'expected a JSON object ({...}), not a JSON array, string, number or null');
  return scope as Record<string, unknown>;
}

/** Only an origin: https anywhere, http only to loopback, so a JWT never crosses a network in clear. */
export function parseBaseUrl(text: string): URL {
  const expected = 'expected the origin of the Coze API, https://api.coze.cn or https://api.coze.com';
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
      `${expected}; plain http:// is allowed only for localhost, 127.x.x.x and [::1], so the signed JWT never crosses a network in clear`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError('base-url', `${expected}; only https:// URLs are supported`);
  if (url.search || url.hash) throw new InputError('base-url', `${expected}, without a query or fragment`);
  if (url.pathname !== '/') {
    throw new InputError('base-url', `${expected}, without a path (/api/permission/oauth2/token is added to it)`);
  }
  return url;
}
