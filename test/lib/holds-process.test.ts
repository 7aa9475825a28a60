// Whether a mint keeps its process alive: one its caller awaits does; a token source's own mints and waits do not.
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cozeTokenSource, mintCozeToken } from '../../src/lib/index.ts';
import { mintInTerms } from '../../src/lib/mint.ts';
import { useCozeStandIn } from '../support/stand-in-fixture.ts';

const { keys, appId, kid, standIn } = useCozeStandIn('7466666666662', 'holds-process-kid');
const credentials = () => ({ appId, publicKeyId: kid, privateKey: keys.pkcs8, retries: 0 });
const active = (kind: string) => process.getActiveResourcesInfo().filter((resource) => resource === kind).length;

/** How many more client sockets keep the process alive while `mint`'s request waits on a server that never answers. */
async function socketsHeld(mint: (baseUrl: string) => Promise<unknown>): Promise<number> {
  const arrived = Promise.withResolvers<void>();
  const accepted: Socket[] = [];
  const silent = createServer((socket) => {
    // The server's side of the connection is not counted.
    socket.unref();
    accepted.push(socket);
    socket.once('data', () => arrived.resolve());
  });
  await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
  try {
    const before = active('TCPSocketWrap');
    const minting = mint(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`).catch(() => undefined);
    await arrived.promise;
    const held = active('TCPSocketWrap') - before;
    for (const socket of accepted) socket.destroy();
    await minting;
    return held;
  } finally {
    await new Promise((closed) => silent.close(closed));
  }
}

/** How many timers keep the process alive while `mint` waits out Coze's Retry-After of 2 s (none but its own). */
async function timersHeldInWait(mint: (baseUrl: string) => Promise<unknown>): Promise<number> {
  standIn.fail({ kind: 'status', status: 503, body: '{"code":5000,"msg":"busy"}', headers: { 'retry-after': '2' } });
  const requests = standIn.requests.length;
  const minting = mint(standIn.url);
  while (standIn.requests.length === requests) await new Promise((tick) => setTimeout(tick, 5));
  // Well inside the 2 s wait, which starts as soon as the 503 is read.
  await new Promise((inside) => setTimeout(inside, 500));
  const held = active('Timeout');
  // Still waiting: the second attempt has not been made.
  expect(standIn.requests.length).toBe(requests + 1);
  await minting;
  return held;
}

describe('holding the process', () => {
  it('mintCozeToken holds it while its request is in flight; a mint nobody awaits does not', async () => {
    expect(await socketsHeld((baseUrl) => mintCozeToken({ ...credentials(), baseUrl }))).toBe(1);
    expect(await socketsHeld((baseUrl) => mintInTerms({ ...credentials(), baseUrl }, false))).toBe(0);
  });

  it('a token source holds it only by the caller who waits, by a timer, not by its mint', async () => {
    const source = (baseUrl: string) => cozeTokenSource({ ...credentials(), baseUrl })();
    expect(await socketsHeld(source)).toBe(0);
  });

  it("mintCozeToken's wait between attempts holds it; the wait of a mint nobody awaits does not", async () => {
    const retrying = { ...credentials(), retries: 1 };
    expect(await timersHeldInWait((baseUrl) => mintCozeToken({ ...retrying, baseUrl }))).toBe(1);
    expect(await timersHeldInWait((baseUrl) => mintInTerms({ ...retrying, baseUrl }, false))).toBe(0);
  });
});
