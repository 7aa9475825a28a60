import { createServer, request } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/**
 * A forwarding HTTP proxy on 127.0.0.1 (CONNECT tunnels and absolute-form requests) that records what it
 * carried; with `refuseWith`, a proxy that answers every request and CONNECT with that status instead.
 */
export async function startProxy(options: { refuseWith?: number } = {}) {
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (options.refuseWith) {
      res.writeHead(options.refuseWith, { 'proxy-authenticate': 'Basic realm="corp"' });
      return void res.end('proxy says no');
    }
    const target = new URL(req.url ?? '');
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    hits.push(`CONNECT ${req.url}`);
    if (options.refuseWith) {
      client.on('error', () => client.destroy());
      return void client.end(`HTTP/1.1 ${options.refuseWith} Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n`);
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host as string, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
    }
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
