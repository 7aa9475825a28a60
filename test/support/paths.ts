import { fileURLToPath } from 'node:url';

/** The repository root as a file path, right on every OS and with spaces in it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
