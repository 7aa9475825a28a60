import './node-check.js';
export * from './index.js';
