// oauth-config: the coze_oauth_config.json the Coze console gives a JWT app, read bounded and checked field by
// field; merged with settings given beside it, and its secrets listed for masking. It holds the key: never quoted.
import { term } from '../safe-text/terms.js';
import { InputError } from './errors.js';
import { NAMES_A_FILE, namesFile } from './file-name.js';
import { isJsonObject, jsonKind, jsonShape, parseJson } from './json-text.js';
import { MAX_PRIVATE_KEY_LENGTH, parsePrivateKey, privateKeySecrets } from './private-key.js';
import { IDENTIFIER, parseBaseUrl } from './values.js';

/** What the file gives a mint: the app id, the key's fingerprint, the key (PEM text), and the site if it names one. */
export interface OAuthConfig {
  appId: string;
  publicKeyId: string;
  privateKey: string;
  /** The origin of coze_api_base. */
  baseUrl?: string;
}

const SETTING = 'oauth-config';
/** The file is flat: an object of strings (some quickstarts add a list, redirect_uris). */
const MAX_DEPTH = 4;
const EXPECTED = 'expected the coze_oauth_config.json the Coze console gives a JWT (service) app, as JSON text';

const fail = (problem: string): never => {
  throw new InputError(SETTING, problem);
};

/** The file's text (or the object it parses to) as JSON: bounded, then checked for its shape; never quoted. */
function configObject(given: string | Record<string, unknown>): Record<string, unknown> {
  // Editors on Windows may save the file with a byte order mark, which JSON does not take.
  const input = typeof given === 'string' ? given.replace(/^\uFEFF/, '') : given;
  if (typeof input !== 'string') return isJsonObject(input) ? input : fail(`is ${jsonKind(input)}; ${EXPECTED}`);
  const kib = MAX_PRIVATE_KEY_LENGTH / 1024;
  if (input.length > MAX_PRIVATE_KEY_LENGTH) fail(`holds more than ${kib} KiB, which no coze_oauth_config.json does`);
  if (input.trim() === '') fail(`is empty; ${EXPECTED}`);
  if (namesFile(input, ['.json'])) fail(`${NAMES_A_FILE} a .json file, not its text; ${EXPECTED}`);
  const shape = jsonShape(input);
  if (shape.depth > MAX_DEPTH) fail(`nests deeper than coze_oauth_config.json ever does; ${EXPECTED}`);
  const parsed = parseJson(input);
  if (!parsed) {
    const cut = shape.closed ? '' : '; it ends inside a string or before its closing brace, so it looks truncated';
    return fail(`is not valid JSON; ${EXPECTED}${cut}`);
  }
  const { value } = parsed;
  return isJsonObject(value) ? value : fail(`is JSON but ${jsonKind(value)}, not an object ({...}); ${EXPECTED}`);
}

function field(config: Record<string, unknown>, name: string, what: string): string {
  const value = Object.hasOwn(config, name) ? config[name] : undefined;
  if (value === undefined) return fail(`has no ${name} (${what}); ${EXPECTED}`);
  return typeof value === 'string' ? value : fail(`has a ${name} that is ${jsonKind(value)}, not a string (${what})`);
}

function identifier(config: Record<string, unknown>, name: string, what: string): string {
  const value = field(config, name, what).trim();
  return IDENTIFIER.test(value) ? value : fail(`has a ${name} that is no id: expected ${what}, without spaces`);
}

/** What a setting's own check said, told of the file's field instead. */
function asField<T>(name: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    const why = error instanceof InputError ? error.expected : 'it cannot be read';
    return fail(`has a ${name} that is not usable: ${why}`);
  }
}

/**
 * Parses coze_oauth_config.json, as text or as the object it parses to. Each break (not JSON, cut short, a field
 * missing or of another type, an app of another kind, a key that is no RSA PEM) is one InputError naming oauth-config
 * and the field.
 */
export function parseOAuthConfig(input: string | Record<string, unknown>): OAuthConfig {
  const config = configObject(input);
  const clientType = field(config, 'client_type', 'the kind of OAuth app, "jwt"');
  if (clientType !== 'jwt') fail(`has a client_type other than "jwt": it is another kind of app's file; ${EXPECTED}`);
  const appId = identifier(config, 'client_id', "the OAuth app's id");
  const publicKeyId = identifier(config, 'public_key_id', "the public key's fingerprint (公钥指纹)");
  const privateKey = field(config, 'private_key', "the app's private key (PEM)");
  asField('private_key', () => parsePrivateKey(privateKey));
  if (Object.hasOwn(config, 'coze_www_base')) field(config, 'coze_www_base', 'the Coze web origin');
  if (!Object.hasOwn(config, 'coze_api_base')) return { appId, publicKeyId, privateKey };
  const api = field(config, 'coze_api_base', 'the Coze API origin');
  return { appId, publicKeyId, privateKey, baseUrl: asField('coze_api_base', () => parseBaseUrl(api.trim()).origin) };
}

/** Settings given beside oauth-config: '' or undefined when not given (never a default). */
export interface GivenCredentials {
  appId?: string | undefined;
  publicKeyId?: string | undefined;
  privateKey?: string | undefined;
  baseUrl?: string | undefined;
}

type Credential = 'app-id' | 'public-key-id' | 'private-key' | 'base-url';

const disagree = (setting: Credential, name: string, noun: string): never => {
  const problem = `disagree: the file's ${name} is another ${noun} than ${term(setting)}`;
  throw new InputError([SETTING, setting], `${problem}; give ${term(SETTING)} alone, or both with the same ${noun}`);
};

/**
 * The file's credentials, with any setting given beside it: one that agrees (the same key in another PEM form, the
 * same origin written otherwise) is fine; one that disagrees is an InputError naming both. The file's site wins
 * when it names one; otherwise a base-url given beside it is returned as given.
 */
export function mergeOAuthConfig(config: OAuthConfig, given: GivenCredentials): OAuthConfig {
  const appId = given.appId?.trim();
  if (appId && appId !== config.appId) disagree('app-id', 'client_id', 'app');
  const publicKeyId = given.publicKeyId?.trim();
  if (publicKeyId && publicKeyId !== config.publicKeyId) {
    disagree('public-key-id', 'public_key_id', 'key fingerprint');
  }
  const sameKey = (raw: string) => parsePrivateKey(raw).equals(parsePrivateKey(config.privateKey));
  if (given.privateKey?.trim() && !sameKey(given.privateKey)) disagree('private-key', 'private_key', 'key');
  const baseUrl = given.baseUrl?.trim();
  if (!baseUrl) return config;
  if (config.baseUrl === undefined) return { ...config, baseUrl };
  if (parseBaseUrl(baseUrl).origin !== config.baseUrl) disagree('base-url', 'coze_api_base', 'site');
  return config;
}

/** As privateKeySecrets: anything shorter would mask the same letters in every word of the log. */
const MIN_SECRET_LENGTH = 8;

/**
 * The file's text as a JSON object, for reading its names before the config is checked: bounded, without a byte order
 * mark, no deeper than any config file; undefined when it is none of that.
 */
export function oauthConfigObject(text: string): Record<string, unknown> | undefined {
  if (text.length > MAX_PRIVATE_KEY_LENGTH || jsonShape(text).depth > MAX_DEPTH) return undefined;
  const parsed = parseJson(text.replace(/^\uFEFF/, ''))?.value;
  return isJsonObject(parsed) ? parsed : undefined;
}

/** A field of the file that holds text, read as an own field only; '' for any other. */
export function configText(config: Record<string, unknown>, name: string): string {
  const value = Object.hasOwn(config, name) ? config[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * What to mask and redact of a config, valid or not: every line of the key (however it is wrapped in the file), the
 * app id and the fingerprint, and every line of a file that is not a JSON object. Nothing for text too long to be a
 * config, which is refused before it is used.
 */
export function oauthConfigSecrets(input: string | Record<string, unknown>): string[] {
  if (typeof input === 'string' && namesFile(input, ['.json'])) return [];
  const parsed = typeof input === 'string' ? oauthConfigObject(input) : input;
  const config = isJsonObject(parsed) ? parsed : {};
  const text = (name: string) => configText(config, name);
  // A file that cannot be read field by field is masked line by line; a good one by its key and ids alone, so that
  // its site and its field names stay readable wherever they are written.
  const readable = isJsonObject(parsed) && typeof parsed.private_key === 'string';
  const fileLines = typeof input === 'string' && !readable ? privateKeySecrets(input) : [];
  const ids = [text('client_id').trim(), text('public_key_id').trim()];
  const lines = [...fileLines, ...privateKeySecrets(text('private_key')), ...ids];
  return [...new Set(lines)].filter((line) => line.length >= MIN_SECRET_LENGTH);
}
