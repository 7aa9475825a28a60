// The action's entry (runs.main: dist/index.js): it runs the step, and ends the process once the step is written.
import { endDespiteLookups, processExit } from './core/exit.js';
import { run } from './main.js';

await run();
await endDespiteLookups(Number(process.exitCode ?? 0), processExit());
