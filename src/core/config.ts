// Config: the settings as text (inputs, flags, environment or options) read once into what a mint needs, validated.
import type { KeyObject } from 'node:crypto';
import { term } from '../safe-text/terms.js';
import { InputError } from './errors.js';
import { mergeOAuthConfig, parseOAuthConfig } from './oauth-config.js';
import { ownRecord } from './own.js';
import { parsePrivateKey } from './private-key.js';
import { parseSessionContext, type SessionContext } from './session-context.js';
import { SETTINGS, type Setting } from './settings.js';
import { parseBaseUrl, parseIdentifier, parseInteger, parseScope, parseText } from './values.js';

export { IDENTIFIER, MAX_SCOPE_CHARACTERS, MAX_SCOPE_DEPTH, parseBaseUrl } from './values.js';

/** The settings with a default, and the default as text. */
type Defaulted = { [S in Setting]: (typeof SETTINGS)[S] extends { default: string } ? S : never }[Setting];

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
  sessionContext?: SessionContext;
  accountId?: string;
  enterpriseId?: string;
  timeoutMs: number;
  /** The whole run, mint and verify together, every attempt and every wait. */
  deadlineMs: number;
  retries: number;
  /** The credentials oauth-config gave (not given beside it): hints name the file's fields for them. */
  fromOAuthConfig?: readonly Setting[];
}

/** The settings that make the config: every setting of the mint, not the action's own switches. */
export type InputName = Exclude<
  Setting,
  'verify' | 'export-env' | 'summary' | 'issue-on-failure' | 'github-token' | 'expected-user-id'
>;

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

const REQUIRED = (Object.keys(SETTINGS) as Setting[]).filter((name) => 'required' in SETTINGS[name]) as Credential[];
type Credential = 'app-id' | 'public-key-id' | 'private-key';

/** Says why required settings may be missing where they are (a fork's pull request gets no secrets, say). */
export type ExplainMissing = () => string | undefined;

/**
 * The credentials and the site: from oauth-config when it is given, with any of them given beside it checked to
 * agree; else as given. Every missing credential is named at once, so one run tells the whole setup what is left.
 */
type Credentials = Record<Credential | 'base-url', string> & { fromFile?: Setting[] };

function readCredentials(read: ReadInput, explainMissing: ExplainMissing): Credentials {
  const given = {
    'app-id': read('app-id').trim(),
    'public-key-id': read('public-key-id').trim(),
    'private-key': read('private-key'),
    'base-url': read('base-url').trim(),
  };
  const file = read('oauth-config');
  if (file.trim() !== '') {
    const credentials = {
      appId: given['app-id'],
      publicKeyId: given['public-key-id'],
      privateKey: given['private-key'],
    };
    const merged = mergeOAuthConfig(parseOAuthConfig(file), { ...credentials, baseUrl: given['base-url'] });
    const { appId, publicKeyId, privateKey, baseUrl = '' } = merged;
    const taken = { 'app-id': appId, 'public-key-id': publicKeyId, 'private-key': privateKey, 'base-url': baseUrl };
    const fromFile = (Object.keys(taken) as Array<keyof typeof taken>).filter((name) => given[name].trim() === '');
    return { ...taken, fromFile: fromFile.filter((name) => taken[name] !== '') };
  }
  const missing = REQUIRED.filter((name) => given[name].trim() === '');
  if (missing.length === 0) return given;
  const what = missing.map((name) => SETTINGS[name].what).join('; ');
  const instead = missing.length === REQUIRED.length ? `; or ${term('oauth-config')} alone gives all three` : '';
  const why = explainMissing();
  throw new InputError(
    missing,
    `${missing.length > 1 ? 'are' : 'is'} required: ${what}${instead}${why ? `. ${why}` : ''}`,
  );
}

export function readMintConfig(
  read: ReadInput,
  deadline: ReadDeadline = readDeadline(read('deadline-seconds')),
  explainMissing: ExplainMissing = () => undefined,
): MintConfig {
  const credentials = readCredentials(read, explainMissing);
  const value = (name: InputName): string =>
    Object.hasOwn(credentials, name) ? credentials[name as Credential] : read(name).trim();
  const orDefault = (name: InputName & Defaulted): string => value(name) || defaultOf(name);
  const baseUrl = parseBaseUrl(orDefault('base-url'));
  const sessionName = value('session-name');
  const scope = value('scope');
  const sessionContext = value('session-context');
  const accountId = value('account-id');
  const enterpriseId = value('enterprise-id');
  if (accountId && enterpriseId) {
    throw new InputError(
      'enterprise-id',
      `cannot be used together with ${term('account-id')}: set one of them (they choose different token endpoints)`,
    );
  }
  const text = (name: InputName) => parseText(name, value(name), SETTINGS[name].what);
  const durationSeconds = parseInteger('duration-seconds', orDefault('duration-seconds'));
  const timeoutMs = parseInteger('timeout-seconds', orDefault('timeout-seconds')) * 1000;
  if (deadline.problem) throw deadline.problem;
  return ownRecord({
    appId: parseIdentifier('app-id', value('app-id')),
    publicKeyId: parseIdentifier('public-key-id', value('public-key-id')),
    privateKey: parsePrivateKey(credentials['private-key']),
    baseUrl: baseUrl.origin,
    audience: text('audience') || baseUrl.hostname,
    durationSeconds,
    ...(sessionName && { sessionName: text('session-name') }),
    ...(scope && { scope: parseScope(scope) }),
    ...(sessionContext && { sessionContext: parseSessionContext(sessionContext) }),
    ...(accountId && { accountId: parseIdentifier('account-id', accountId, /^\d{1,32}$/) }),
    ...(enterpriseId && { enterpriseId: parseIdentifier('enterprise-id', enterpriseId, /^[A-Za-z0-9_-]{1,128}$/) }),
    timeoutMs,
    deadlineMs: deadline.deadlineMs,
    retries: parseInteger('retries', orDefault('retries')),
    ...(credentials.fromFile && { fromOAuthConfig: credentials.fromFile }),
  });
}
