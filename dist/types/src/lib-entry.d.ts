import './lib-node-check.js';
export * from './lib.js';
