// dispatcherSockets: every socket a dispatcher's connector opens or hands back is kept from its start, forgotten when
// it closes, ended by destroy(), and left to hold the process or not as asked.
import { type AddressInfo, connect, createServer, Socket } from 'node:net';
import type { buildConnector, Client } from 'undici';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type DispatcherSockets, dispatcherSockets } from '../../src/core/sockets.ts';

/** Connections the server accepted, open until they close; it reads what comes and never answers. */
const accepted = new Set<Socket>();
/** Those of them a request came over. */
const received = new Set<Socket>();
const server = createServer((socket) => {
  accepted.add(socket);
  socket.on('data', () => received.add(socket));
  socket.on('close', () => {
    accepted.delete(socket);
    received.delete(socket);
  });
});
let port: number;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Waits until `done`, and fails if it is not so within `withinMs`. */
const until = async (done: () => boolean, withinMs = 500) => {
  const end = performance.now() + withinMs;
  while (!done() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
};

/** What a test made, ended after it. */
const clients: Client[] = [];
const opened: Socket[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  for (const socket of opened.splice(0)) socket.destroy();
  for (const socket of accepted) socket.destroy();
  await until(() => accepted.size === 0);
});

/** A client made by `sockets` sending a request to the server, which never answers it; its failure is caught. */
function sending(sockets: DispatcherSockets, connect?: buildConnector.connector) {
  const client = sockets.factory(`http://127.0.0.1:${port}`, connect ? { connect } : {});
  clients.push(client);
  return client.request({ path: '/', method: 'GET' }).catch((error: unknown) => error);
}

/** A new TCP connection to the server. */
const dial = (onConnect?: () => void) => {
  const socket = connect(port, '127.0.0.1', onConnect);
  opened.push(socket);
  return socket;
};

/** Whether the socket keeps the process alive. */
const holds = (socket: Socket) => (socket as unknown as { _handle: { hasRef: () => boolean } })._handle.hasRef();

it('keeps the socket a connector returns from its start: destroy() ends a connection that never completes', async () => {
  const sockets = dispatcherSockets(true);
  // A handshake that never completes: the connector opens a socket and never calls back.
  const raws: Socket[] = [];
  const failure = sending(sockets, () => {
    const raw = dial();
    raws.push(raw);
    return raw;
  });
  await until(() => accepted.size === 1);
  const [raw] = raws as [Socket];
  expect([sockets.open.size, sockets.open.has(raw)]).toEqual([1, true]);
  sockets.destroy();
  expect(raw.destroyed).toBe(true);
  expect(sockets.open.size).toBe(0);
  await until(() => accepted.size === 0);
  // The request waits for a connection that never comes, until its client goes.
  await clients[0]?.destroy();
  expect(await failure).toBeInstanceOf(Error);
});

it('keeps the socket a connector calls back with, when it is not the one it returned', async () => {
  const sockets = dispatcherSockets(true);
  // As a TLS connector does: it returns the raw socket, and calls back with another, the one requests go over.
  const both: Socket[] = [];
  const failure = sending(sockets, (_options, callback) => {
    const raw = dial();
    const connected = dial(() => callback(null, connected));
    both.push(raw, connected);
    return raw;
  });
  await until(() => received.size === 1);
  expect([sockets.open.size, ...both.map((socket) => sockets.open.has(socket))]).toEqual([2, true, true]);
  sockets.destroy();
  expect(both.map((socket) => socket.destroyed)).toEqual([true, true]);
  expect(sockets.open.size).toBe(0);
  expect(await failure).toBeInstanceOf(Error);
});

it('forgets a socket once it closes', async () => {
  const sockets = dispatcherSockets(true);
  const failure = sending(sockets);
  await until(() => received.size === 1);
  const [socket] = sockets.open;
  expect(socket).toBeInstanceOf(Socket);
  for (const each of accepted) each.destroy();
  // undici ends it with an error (the other side closed), and events.once would reject on that.
  await new Promise((resolve) => socket?.once('close', resolve));
  expect(sockets.open.size).toBe(0);
  expect(await failure).toBeInstanceOf(Error);
});

it('holding the process, leaves a busy socket to keep it alive', async () => {
  const sockets = dispatcherSockets(true);
  void sending(sockets);
  await until(() => received.size === 1);
  const [socket] = sockets.open;
  expect(holds(socket as Socket)).toBe(true);
});

it('not holding the process, lets no socket keep it alive, busy or asked to', async () => {
  const sockets = dispatcherSockets(false);
  void sending(sockets);
  // undici refs a socket while a request is on it.
  await until(() => received.size === 1);
  const [socket] = sockets.open;
  expect(holds(socket as Socket)).toBe(false);
  expect(socket?.ref()).toBe(socket);
  expect(holds(socket as Socket)).toBe(false);
});
