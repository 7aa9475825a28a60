// The library's options: their names and types from the settings table, checked, and read as own properties only.
import { type InputName, MAX_SCOPE_DEPTH } from '../core/config.js';
import { InputError } from '../core/errors.js';
import { checkOptionNames } from '../core/option-names.js';
import { optionName, type SettingKind, settingsOf, specOf } from '../core/settings.js';

export type OptionType = 'string' | 'number' | 'boolean' | 'object' | 'function' | 'string or object';

const TYPE_OF_KIND: Record<SettingKind, OptionType> = {
  id: 'string',
  text: 'string',
  url: 'string',
  pem: 'string',
  token: 'string',
  integer: 'number',
  boolean: 'boolean',
  json: 'object',
  config: 'string or object',
};

/** The settings mintCozeToken takes, by option name, with their types; `log` is the library's own. */
export const MINT_OPTIONS: Readonly<Record<string, OptionType>> = {
  ...Object.fromEntries(settingsOf('library').map((name) => [optionName(name), TYPE_OF_KIND[specOf(name).kind]])),
  log: 'function',
};

const { verify: _, expectedUserId: __, ...sourceOptions } = MINT_OPTIONS;
/** cozeTokenSource takes the same, but verify and expectedUserId (it never verifies), and refreshSeconds of its own. */
export const SOURCE_OPTIONS: Readonly<Record<string, OptionType>> = { ...sourceOptions, refreshSeconds: 'number' };

const A_TYPE: Record<OptionType, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  function: 'a function',
  'string or object': 'the JSON text or an object',
};

/**
 * Names and types checked before any work, then the options copied, own properties only, into an object without a
 * prototype: nothing another part of the host process put on Object.prototype is ever read as an option.
 */
export function ownOptions<T extends object>(
  options: T,
  types: Readonly<Record<string, OptionType>>,
  fn: string,
): Partial<T> {
  checkOptionNames(options, Object.keys(types), fn);
  const own: Record<string, unknown> = Object.create(null);
  for (const name of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[name];
    const type = types[name] as OptionType;
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    if (
      value !== undefined &&
      actual !== type &&
      !(type === 'string or object' && (actual === 'string' || actual === 'object'))
    ) {
      const article = actual === 'null' ? '' : actual === 'array' || actual === 'object' ? 'an ' : 'a ';
      throw new InputError(
        name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
        `expected ${A_TYPE[type]}, not ${article}${actual}`,
      );
    }
    own[name] = value;
  }
  return own as Partial<T>;
}

/** The options as the settings' text, which the config reads as it reads the action's inputs. */
export function settingsText(own: Readonly<Record<string, unknown>>): (name: InputName) => string {
  return (name) => {
    const value = Object.hasOwn(own, optionName(name)) ? own[optionName(name)] : undefined;
    if (value === undefined) return '';
    return typeof value === 'object' ? jsonText(name, value) : String(value);
  };
}

/**
 * An object as JSON text, for the same checks as the action's input. The caller's object is first copied, own
 * properties only, into objects and arrays without a prototype, so that JSON.stringify asks no toJSON that another
 * part of the host put on Object.prototype (which would see a config's private_key); a cycle or a nest deeper than
 * any setting takes is refused.
 */
function jsonText(name: InputName, value: unknown): string {
  const refused = () =>
    new InputError(name, `expected a JSON object nested at most ${MAX_SCOPE_DEPTH} levels deep, without cycles`);
  const copy = (item: unknown, depth: number): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    if (depth > MAX_SCOPE_DEPTH) throw refused();
    const out: unknown = Array.isArray(item)
      ? item.map((element) => copy(element, depth + 1))
      : Object.fromEntries(
          Object.keys(item).map((key) => [key, copy((item as Record<string, unknown>)[key], depth + 1)]),
        );
    return Object.setPrototypeOf(out as object, null);
  };
  return JSON.stringify(copy(value, 0));
}
