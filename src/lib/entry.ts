// The package entry, for import and require() alike: the Node check first, then the library (types: lib/index.ts).
// On an older Node, loading throws an Error a host can catch; it never ends the host process.
import './node-check.js';

// Everything lib.ts exports, so that what the types (dist/types/src/lib.d.ts) promise is there at run time.
export * from './index.js';
