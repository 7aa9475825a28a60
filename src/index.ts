// The action's entry (runs.main: dist/index.js): it only runs the step.
import { run } from './main.js';

await run();
