// The shape of a row of the settings table: what each setting declares once, for every surface to read.

/** How a setting's value is written and checked. */
export type SettingKind = 'id' | 'text' | 'integer' | 'boolean' | 'json' | 'url' | 'pem' | 'token' | 'config';

export interface SettingSpec {
  readonly kind: SettingKind;
  /** What the value is, as an error message says it after "expected". */
  readonly what: string;
  /** The CLI's --help line. */
  readonly help: string;
  /** The default as text, as action.yml writes it. */
  readonly default?: string;
  /** The whole numbers an integer setting takes. */
  readonly range?: readonly [min: number, max: number];
  /** The value (or a part of it) is masked and redacted wherever outside text is written. */
  readonly secret?: true;
  /** Needed for a mint: the three credentials (which oauth-config may give instead). */
  readonly required?: true;
  /** The library's option name, where it is not the camelCase of the setting's. */
  readonly option?: string;
  /** Where the setting is taken: the action's input, the CLI's flag, the library's option. */
  readonly surfaces: readonly ('action' | 'cli' | 'library')[];
  /** The environment variable the CLI also reads it from. */
  readonly env?: string;
  /** The CLI's placeholder for the value in --help. */
  readonly metavar?: string;
  /** Names people reach for, from other tools and Coze's SDKs: an unknown option of that name is pointed here. */
  readonly aliases?: readonly string[];
  /** In the reusable workflow: an input, a secret, or not there. */
  readonly workflow?: 'input' | 'secret';
}
