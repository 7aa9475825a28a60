import { type InputName } from '../core/config.js';
export type OptionType = 'string' | 'number' | 'boolean' | 'object' | 'function' | 'string or object';
/** The settings mintCozeToken takes, by option name, with their types; `log` is the library's own. */
export declare const MINT_OPTIONS: Readonly<Record<string, OptionType>>;
/** cozeTokenSource takes the same, but verify and expectedUserId (it never verifies), and refreshSeconds of its own. */
export declare const SOURCE_OPTIONS: Readonly<Record<string, OptionType>>;
/**
 * Names and types checked before any work, then the options copied, own properties only, into an object without a
 * prototype: nothing another part of the host process put on Object.prototype is ever read as an option.
 */
export declare function ownOptions<T extends object>(options: T, types: Readonly<Record<string, OptionType>>, fn: string): Partial<T>;
/** The options as the settings' text, which the config reads as it reads the action's inputs. */
export declare function settingsText(own: Readonly<Record<string, unknown>>): (name: InputName) => string;
