// Own properties only: a record copied into an object without a prototype, so an optional field that was not given
// reads as undefined even when another part of the host process has polluted Object.prototype.
export function ownRecord<T extends object>(value: T): T {
  return Object.assign(Object.create(null) as T, value);
}

/**
 * This process's environment, own variables only: a name nobody set reads as undefined, whatever the prototype holds.
 */
export function ownEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  return ownRecord({ ...env });
}
