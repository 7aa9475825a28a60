import { describe, expect, it } from 'vitest';
import { nodeTooOld, REQUIRED_NODE } from '../../src/core/node-version.ts';

/** What each refusal ends with: the next step. */
const INSTALL = 'Install a newer Node.js (in a workflow: actions/setup-node with node-version: 24).';

describe('the Node version check of the CLI and the library', () => {
  it('accepts Node 22.19 and later, with or without the v', () => {
    expect(REQUIRED_NODE).toEqual({ major: 22, minor: 19 });
    for (const version of ['22.19.0', 'v22.23.3', '23.0.0', '24.0.0', 'v24.21.0', '30.0.0-nightly'])
      expect(nodeTooOld(version, 'coze-token')).toBeUndefined();
  });

  it('refuses older ones in one line naming the version needed and the one found', () => {
    expect(nodeTooOld('22.18.9', 'coze-token')).toBe(
      `coze-token needs Node.js 22.19 or later; this is Node.js 22.18.9. ${INSTALL}`,
    );
    expect(nodeTooOld('20.20.2', 'coze-token')).toBe(
      `coze-token needs Node.js 22.19 or later; this is Node.js 20.20.2. ${INSTALL}`,
    );
    expect(nodeTooOld('v21.99.0', 'coze-token-action')).toBe(
      `coze-token-action needs Node.js 22.19 or later; this is Node.js v21.99.0. ${INSTALL}`,
    );
    expect(nodeTooOld('garbage', 'x')).toBe(`x needs Node.js 22.19 or later; this is Node.js garbage. ${INSTALL}`);
    expect(nodeTooOld('22', 'x')).toBe(`x needs Node.js 22.19 or later; this is Node.js 22. ${INSTALL}`);
  });
});
