// The Node version check of the CLI and the library, in words a user can act on.
/** The CLI and the library serve Node 22.19 and later (undici 8 needs no less); the action runs on node24. */
export const REQUIRED_NODE = { major: 22, minor: 19 } as const;

/** The next step: the user's own machine has its own ways, a workflow has one. */
const INSTALL_NEWER = 'Install a newer Node.js (in a workflow: actions/setup-node with node-version: 24).';

/**
 * One line to print when this Node is too old, before anything that needs a newer one is loaded; undefined when it will
 * do.
 */
export function nodeTooOld(version: string, program: string): string | undefined {
  const [major = Number.NaN, minor = Number.NaN] = version.replace(/^v/, '').split('.').map(Number);
  if (major > REQUIRED_NODE.major || (major === REQUIRED_NODE.major && minor >= REQUIRED_NODE.minor)) return undefined;
  const needed = `${REQUIRED_NODE.major}.${REQUIRED_NODE.minor}`;
  return `${program} needs Node.js ${needed} or later; this is Node.js ${version}. ${INSTALL_NEWER}`;
}
