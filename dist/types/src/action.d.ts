import type * as actionsCore from '@actions/core';
import { type MintDeps } from './mint.js';
export type Core = Pick<typeof actionsCore, 'getInput' | 'getBooleanInput' | 'setSecret' | 'setOutput' | 'exportVariable' | 'info' | 'debug' | 'setFailed' | 'summary'>;
/** inputs → validated config → JWT → exchange (→ verify) → outputs, with the summary written either way. */
export declare function run(core: Core, deps: MintDeps): Promise<void>;
