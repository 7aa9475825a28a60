// One fixture for the Coze stand-in: a key pair, an app and a stand-in started before a file's tests and closed after.
import { afterAll, beforeAll } from 'vitest';
import { type CozeStandIn, type StandInOptions, startCozeStandIn } from './coze-stand-in.ts';
import { makeRsaKeys, type TestKeys } from './keys.ts';

export interface StandInFixture {
  keys: TestKeys;
  appId: string;
  kid: string;
  /** The running stand-in, inside tests and hooks once beforeAll has started it. */
  standIn: CozeStandIn;
}

/**
 * Registers beforeAll and afterAll hooks for a stand-in of the app `appId` whose public key fingerprint is `kid`,
 * with a fresh 2048-bit key pair (or `keys`). `standIn` forwards to the running stand-in, so files keep writing
 * `standIn.url` and `standIn.fail(...)` as they always did.
 */
export function useCozeStandIn(
  appId: string,
  kid: string,
  options: Omit<StandInOptions, 'publicKey' | 'appId' | 'kid'> & { keys?: TestKeys } = {},
): StandInFixture {
  const { keys = makeRsaKeys(), ...standInOptions } = options;
  let running: CozeStandIn | undefined;
  beforeAll(async () => {
    running = await startCozeStandIn({ publicKey: keys.publicKey, appId, kid, ...standInOptions });
  });
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  // Before beforeAll (while tests are collected) every field reads as undefined, as the stand-in's variable did.
  const standIn = new Proxy({} as CozeStandIn, { get: (_, name) => running?.[name as keyof CozeStandIn] });
  return { keys, appId, kid, standIn };
}
