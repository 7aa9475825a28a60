import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitIfNodeTooOld, nodeTooOld, REQUIRED_NODE_MAJOR } from '../src/node-version.ts';

afterEach(() => vi.restoreAllMocks());

describe('the Node version check of the CLI and the library', () => {
  it('accepts Node 24 and later, with or without the v', () => {
    expect(REQUIRED_NODE_MAJOR).toBe(24);
    for (const version of ['24.0.0', 'v24.21.0', '25.1.0', '30.0.0-nightly']) expect(nodeTooOld(version, 'coze-token')).toBeUndefined();
  });

  it('refuses older ones in one line naming the version needed and the one found', () => {
    expect(nodeTooOld('20.20.2', 'coze-token')).toBe('coze-token needs Node.js 24 or later; this is Node.js 20.20.2.');
    expect(nodeTooOld('v23.11.0', 'coze-token-action')).toBe('coze-token-action needs Node.js 24 or later; this is Node.js v23.11.0.');
    expect(nodeTooOld('garbage', 'x')).toBe('x needs Node.js 24 or later; this is Node.js garbage.');
  });

  it('exits with code 2 after one line on stderr, and does nothing on a current Node', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    exitIfNodeTooOld('coze-token');
    expect(exit).not.toHaveBeenCalled();
    vi.spyOn(process, 'versions', 'get').mockReturnValue({ ...process.versions, node: '20.1.0' });
    exitIfNodeTooOld('coze-token');
    expect(write).toHaveBeenCalledWith('coze-token needs Node.js 24 or later; this is Node.js 20.1.0.\n');
    expect(exit).toHaveBeenCalledWith(2);
  });
});
