// The library's errors: where its own code lives, read from a stack, and errors a caller can still change.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CozeError, InputError } from '../../src/core/errors.ts';
import { LIBRARY_FOLDER, libraryError, ownFolder } from '../../src/lib/errors.ts';
import { mintCozeToken } from '../../src/lib/index.ts';
import { ROOT } from '../support/paths.ts';

describe('the folder of the library’s own code', () => {
  it('is src/ here, as its stack frames name it', () => {
    const folder = LIBRARY_FOLDER.startsWith('file:') ? fileURLToPath(LIBRARY_FOLDER) : LIBRARY_FOLDER;
    expect(LIBRARY_FOLDER.endsWith('/') || LIBRARY_FOLDER.endsWith('\\')).toBe(true);
    expect(resolve(folder)).toBe(resolve(ROOT, 'src'));
  });

  it('is two folders up from the first frame, in every form a frame takes, and nothing where there is none', () => {
    const frames = (...lines: string[]) => ['Error', ...lines.map((line) => `    at ${line}`)].join('\n');
    expect(ownFolder(frames('file:///a/b/src/lib/errors.ts:37:20', 'run (file:///a/b/test/t.ts:1:1)'))).toBe(
      'file:///a/b/src/',
    );
    expect(ownFolder(frames('Object.<anonymous> (C:\\a\\dist\\lib\\index.js:1:200)', 'x (C:\\a\\t.js:2:3)'))).toBe(
      'C:\\a\\dist\\',
    );
    expect(ownFolder(frames('/home/u/p/dist/lib/index.js:12:345'))).toBe('/home/u/p/dist/');
    expect(ownFolder('Error')).toBe('');
  });
});

describe('an error the library rewrote', () => {
  it('can still be changed by its caller, as any error can: message writable, redefinable, deletable', () => {
    const error = libraryError(new CozeError('Coze refused')) as CozeError;
    error.message = 'annotated by the caller';
    expect(error.message).toBe('annotated by the caller');
    Object.defineProperty(error, 'message', { value: 'and again', enumerable: true });
    expect(Object.keys(error)).toContain('message');
    delete (error as { message?: string }).message;
    expect(Object.hasOwn(error, 'message')).toBe(false);
  });

  it("shows the caller's frames after an await, and none of Node's own", async () => {
    const refusal = async function callerOfTheLibrary() {
      try {
        await mintCozeToken({ appId: 'x', publicKeyId: 'y', privateKey: 'z', durationSeconds: -1 });
      } catch (error) {
        return error as InputError;
      }
    };
    const error = (await refusal()) as InputError;
    expect(error).toBeInstanceOf(InputError);
    const frames = (error.stack ?? '').split('\n').slice(1);
    expect(frames.some((frame) => frame.includes('callerOfTheLibrary'))).toBe(true);
    expect(frames.filter((frame) => /node:|[\\/]src[\\/]/.test(frame))).toEqual([]);
    expect(frames.every((frame) => frame.startsWith('    at '))).toBe(true);
  });

  it('keeps its own words and no stack when the host gives none, and no line a polluted prototype wrote', async () => {
    const refused = () =>
      mintCozeToken({ appId: 'x', publicKeyId: 'y', privateKey: 'z', durationSeconds: -1 }).then(
        () => undefined,
        (error: unknown) => error as InputError,
      ) as Promise<InputError>;
    const limit = Error.stackTraceLimit;
    try {
      (Error as { stackTraceLimit?: number | undefined }).stackTraceLimit = undefined;
      const error = await refused();
      expect(error).toBeInstanceOf(InputError);
      expect(error.stack).toBe(`InputError: ${error.message}`);
    } finally {
      Error.stackTraceLimit = limit;
    }
    Object.defineProperty(Object.prototype, 'message', {
      value: 'x\n    at planted (\u001b[31m)',
      configurable: true,
      writable: true,
    });
    try {
      const error = await refused();
      expect(error.stack).not.toContain('planted');
      expect(error.stack).not.toContain('\u001b');
    } finally {
      delete (Object.prototype as { message?: string }).message;
    }
  });
});
