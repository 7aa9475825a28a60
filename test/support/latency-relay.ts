import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 that puts a network between a client and a local server: every byte takes rttMs / 2
 * each way, and a new connection can carry data only one round trip after it was opened, as a TCP handshake
 * costs. Order is kept. It counts the connections it carried.
 */
export async function startLatencyRelay(targetPort: number, rttMs: number) {
  const half = rttMs / 2;
  const sockets = new Set<Socket>();
  let connections = 0;
  /** Delivers chunks to `to`, each no sooner than `after` and half a round trip after it arrived, in order. */
  const delayed = (to: Socket, readyAt: () => number) => {
    let last = 0;
    return (chunk: Buffer) => {
      const at = Math.max(Date.now() + half, readyAt() + half, last);
      last = at;
      setTimeout(() => to.destroyed || to.write(chunk), at - Date.now());
    };
  };
  const server = createServer((client) => {
    connections++;
    // The client may send once the handshake has made its round trip; its first bytes land half a trip later.
    const handshakeDone = Date.now() + rttMs;
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    client.on(
      'data',
      delayed(upstream, () => handshakeDone),
    );
    upstream.on(
      'data',
      delayed(client, () => 0),
    );
    client.on('end', () => setTimeout(() => upstream.end(), half));
    upstream.on('end', () => setTimeout(() => client.end(), half));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
