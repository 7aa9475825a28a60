/** The CLI and the library are tested on Node 24, as runners run the action (runs.using: node24); undici needs 22.19+. */
export const REQUIRED_NODE_MAJOR = 24;

/** One line to print when this Node is too old, before anything that needs a newer one is loaded; undefined when it will do. */
export function nodeTooOld(version: string, program: string): string | undefined {
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  if (major >= REQUIRED_NODE_MAJOR) return undefined;
  return `${program} needs Node.js ${REQUIRED_NODE_MAJOR} or later; this is Node.js ${version}.`;
}

/** Exits with code 2 (bad input: the environment) on a Node that is too old. */
export function exitIfNodeTooOld(program: string): void {
  const tooOld = nodeTooOld(process.versions.node, program);
  if (tooOld === undefined) return;
  process.stderr.write(`${tooOld}\n`);
  process.exit(2);
}
