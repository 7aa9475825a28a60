import { type ActionDeps, type Core } from './action/index.js';
/**
 * The whole step, by default with the runner's @actions/core and this process's environment. Importing this
 * module does nothing: src/index.ts (the bundle's entry) and GitHub's local-action call run().
 */
export declare function run(core?: Core, deps?: ActionDeps): Promise<void>;
