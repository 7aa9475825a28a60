import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CozeError, describeError, explainError, InputError, NetworkError } from '../../src/core/errors.ts';
import { libraryError } from '../../src/lib/errors.ts';

describe('errors', () => {
  it('carry their own names, for logs and for instanceof-free checks', () => {
    expect([new InputError('x', 'y'), new CozeError('m'), new NetworkError('m')].map((error) => error.name)).toEqual([
      'InputError',
      'CozeError',
      'NetworkError',
    ]);
    expect(new InputError('app-id', 'is required')).toMatchObject({
      message: "Input 'app-id': is required",
      input: 'app-id',
    });
  });

  it("explain Coze's refusal with only the facts it has", () => {
    expect(explainError(new CozeError('Coze said no'))).toStrictEqual({ problem: 'Coze said no' });
    expect(explainError(new CozeError('Coze said no', { code: 'x' }))).toStrictEqual({
      problem: 'Coze said no (code x)',
    });
    expect(explainError(new CozeError('Coze said no', { logId: 'L' }))).toStrictEqual({
      problem: 'Coze said no (log id L)',
    });
    expect(
      explainError(new CozeError('Coze said no', { status: 400, code: 'x', logId: 'L', hint: 'do y' })),
    ).toStrictEqual({
      problem: 'Coze said no (HTTP 400, code x, log id L)',
      hint: 'do y',
    });
  });

  it('explain network and input errors, with a hint only when there is one', () => {
    expect(explainError(new NetworkError('unreachable'))).toStrictEqual({ problem: 'unreachable' });
    expect(explainError(new NetworkError('unreachable', 'check the proxy'))).toStrictEqual({
      problem: 'unreachable',
      hint: 'check the proxy',
    });
    expect(explainError(new InputError('a', 'b'))).toStrictEqual({ problem: "Input 'a': b" });
    expect(describeError(new NetworkError('unreachable', 'check the proxy'))).toBe('unreachable. check the proxy');
    expect(describeError(new Error('boom'))).toBe('Unexpected error: boom');
    expect(describeError(new Error(' '))).toBe('Unexpected error: no message');
    // Environment variables are named as such only when every one named is one.
    expect(
      [['HTTPS_PROXY', 'NO_PROXY'], ['HTTPS_PROXY'], ['HTTPS_PROXY', 'base-url']].map(
        (inputs) => explainError(new InputError(inputs, 'disagree')).problem,
      ),
    ).toEqual([
      'Environment variables HTTPS_PROXY and NO_PROXY: disagree',
      'Environment variable HTTPS_PROXY: disagree',
      "Inputs 'HTTPS_PROXY' and 'base-url': disagree",
    ]);
  });

  it("hand the library's user a stack of the problem with its facts and the caller's frames, none of the library's", () => {
    const thrownHere = () =>
      libraryError(
        new CozeError('Coze refused ⟦base-url⟧', { status: 401, code: 'x', logId: 'L1', hint: 'set ⟦base-url⟧' }),
      ) as CozeError;
    const error = thrownHere();
    const [first, ...frames] = (error.stack ?? '').split('\n');
    expect(first).toBe('CozeError: Coze refused baseUrl (HTTP 401, code x, log id L1)');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0]).toMatch(/^ {4}at thrownHere \(.*test[\\/]core[\\/]errors\.test\.ts:\d+:\d+\)$/);
    expect(frames.join('\n')).not.toMatch(/src[\\/]|node:/);
    expect(inspect(error)).toMatch(
      /^CozeError: Coze refused baseUrl \(HTTP 401, code x, log id L1\)\n {4}at thrownHere[\s\S]*hint: 'set baseUrl'/,
    );
    expect((libraryError(new InputError('base-url', 'is wrong')) as Error).stack).toMatch(
      /^InputError: Option 'baseUrl': is wrong\n {4}at /,
    );
    expect((libraryError(new NetworkError('no answer')) as Error).stack).toMatch(/^NetworkError: no answer\n/);
    const other = new Error('boom');
    const { stack } = other;
    expect(libraryError(other)).toBe(other);
    expect(other.stack).toBe(stack);
  });
});
