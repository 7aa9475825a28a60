// Config: the settings as text (inputs, flags, environment or options) read once into what a mint needs, validated.
import type { KeyObject } from 'node:crypto';
import { oneLine } from '../safe-text/outside.js';
import { term } from '../safe-text/terms.js';
import { InputError } from './errors.js';
import { isLoopback } from './http.js';
import { ownRecord } from './own.js';
import { parsePrivateKey } from './private-key.js';
import { SETTINGS, type Setting } from './settings.js';

/** The settings with a default, and the default as text. */
type Defaulted = { [S in Setting]: (typeof SETTINGS)[S] extends { default: string } ? S : never }[Setting];
type Ranged = { [S in Setting]: (typeof SETTINGS)[S] extends { range: readonly [number, number] } ? S : never }[Setting];

export const defaultOf = (name: Defaulted): string => SETTINGS[name].default;
export const MAX_DURATION_SECONDS = SETTINGS['duration-seconds'].range[1];

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

/** The settings that make the config: every setting of the mint, not the action's own switches. */
export type InputName = Exclude<Setting, 'verify' | 'export-env' | 'summary' | 'issue-on-failure' | 'github-token'>;

/** Reads one input as text; '' when it was not given. */
export type ReadInput = (name: InputName) => string;

/** deadline-seconds, read once and first: a bad one is reported in its turn, while the default bounds the run. */
export interface ReadDeadline {
  deadlineMs: number;
  problem?: InputError;
}

export function readDeadline(text: string | undefined): ReadDeadline {
  try {
    return { deadlineMs: parseInteger('deadline-seconds', text?.trim() || defaultOf('deadline-seconds')) * 1000 };
  } catch (error) {
    return { deadlineMs: Number(defaultOf('deadline-seconds')) * 1000, problem: error as InputError };
  }
}

const REQUIRED = (Object.keys(SETTINGS) as Setting[]).filter((name) => 'required' in SETTINGS[name]) as InputName[];

export function readMintConfig(read: ReadInput, deadline: ReadDeadline = readDeadline(read('deadline-seconds'))): MintConfig {
  const value = (name: InputName): string => read(name).trim();
  // Every missing credential is named at once, so one run tells the whole setup what is left to do.
  const missing = REQUIRED.filter((name) => value(name) === '');
  if (missing.length > 0) {
    const what = missing.map((name) => SETTINGS[name].what).join('; ');
    throw new InputError(missing, `${missing.length > 1 ? 'are' : 'is'} required: ${what}`);
  }
  const orDefault = (name: InputName & Defaulted): string => value(name) || defaultOf(name);
  const baseUrl = parseBaseUrl(orDefault('base-url'));
  const sessionName = value('session-name');
  const scope = value('scope');
  const accountId = value('account-id');
  const enterpriseId = value('enterprise-id');
  if (accountId && enterpriseId) {
    throw new InputError('enterprise-id', `cannot be used together with ${term('account-id')}: set one of them (they choose different token endpoints)`);
  }
  const text = (name: InputName) => parseText(name, value(name), SETTINGS[name].what);
  const durationSeconds = parseInteger('duration-seconds', orDefault('duration-seconds'));
  const timeoutMs = parseInteger('timeout-seconds', orDefault('timeout-seconds')) * 1000;
  if (deadline.problem) throw deadline.problem;
  return ownRecord({
    appId: parseIdentifier('app-id', value('app-id')),
    publicKeyId: parseIdentifier('public-key-id', value('public-key-id')),
    privateKey: parsePrivateKey(read('private-key')),
    baseUrl: baseUrl.origin,
    audience: text('audience') || baseUrl.hostname,
    durationSeconds,
    ...(sessionName && { sessionName: text('session-name') }),
    ...(scope && { scope: parseScope(scope) }),
    ...(accountId && { accountId: parseIdentifier('account-id', accountId, /^\d{1,32}$/) }),
    ...(enterpriseId && { enterpriseId: parseIdentifier('enterprise-id', enterpriseId, /^[A-Za-z0-9_-]{1,128}$/) }),
    timeoutMs,
    deadlineMs: deadline.deadlineMs,
    retries: parseInteger('retries', orDefault('retries')),
  });
}

/** Ids and fingerprints: printable ASCII, no spaces. */
export const IDENTIFIER = /^[\x21-\x7e]{1,256}$/;

function parseIdentifier(input: InputName, text: string, pattern = IDENTIFIER): string {
  if (!pattern.test(text)) throw new InputError(input, `expected ${SETTINGS[input].what}, without spaces or line breaks`);
  return text;
}

/** One line of text: no line breaks or other control characters, at most 256 characters. */
function parseText(input: InputName, text: string, what: string): string {
  if (oneLine(text) !== text || text.length > 256)
    throw new InputError(input, `expected ${what}: one line of at most 256 characters, without control characters`);
  return text;
}

/** A whole number in the setting's range. */
export function parseInteger(input: InputName & Ranged, text: string): number {
  const [min, max] = SETTINGS[input].range;
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
