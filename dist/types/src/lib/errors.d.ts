import { type Redactor } from '../safe-text/redactor.js';
/**
 * The error as the library throws it. Whatever Coze echoed back of a secret the call held (the key, a JWT, the
 * token) is cut out of its message and details; settings are named as options (baseUrl), in `inputs` too; and its
 * stack is the problem, then the caller's frames.
 */
export declare function libraryError(error: unknown, redactor?: Redactor): unknown;
/**
 * The folder two up from the file of a stack's first frame: for a stack of this module's own, the folder that holds
 * all of the library's code, src/ (this file is in src/lib/) or dist/ in the bundle (it is dist/lib/index.js).
 */
export declare function ownFolder(stack: string): string;
export declare const LIBRARY_FOLDER: string;
