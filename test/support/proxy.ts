import { createServer, type RequestListener, request } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { type AddressInfo, connect, type Socket } from 'node:net';

export interface ProxyOptions {
  /** Answer every request and CONNECT with this status instead of carrying it. */
  refuseWith?: number;
  /** Accept connections and never answer anything: a proxy that has stalled. */
  stall?: boolean;
  /** Speak TLS with this key and certificate: an https:// proxy. */
  tls?: { key: string; cert: string };
}

/**
 * A forwarding HTTP proxy on 127.0.0.1 (CONNECT tunnels and absolute-form requests) that records what it carried
 * and counts the connections made to it. It sends every host name to 127.0.0.1, as a proxy in front of the real
 * Coze would resolve api.coze.cn, so tests can name a host that is not loopback.
 */
export async function startProxy(options: ProxyOptions = {}) {
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const listener: RequestListener = (req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (options.stall) return;
    if (options.refuseWith) {
      res.writeHead(options.refuseWith, { 'proxy-authenticate': 'Basic realm="corp"' });
      return void res.end('proxy says no');
    }
    const target = new URL(req.url ?? '');
    target.hostname = '127.0.0.1';
    const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    // The client may give up first (a timeout): then the forwarded request ends too, quietly.
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  server.on('connect', (req, client: Socket, head: Buffer) => {
    hits.push(`CONNECT ${req.url}`);
    client.on('error', () => client.destroy());
    // As a proxy does: when the client hangs up, its tunnel goes too (the HTTP server leaves such sockets half-open).
    client.on('end', () => client.destroy());
    if (options.stall) return;
    if (options.refuseWith) {
      return void client.end(
        `HTTP/1.1 ${options.refuseWith} Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\n\r\n`,
      );
    }
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => upstream.destroy());
    upstream.on('close', () => sockets.delete(upstream));
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    /** TCP connections clients opened to the proxy. */
    connections: () => connections,
    /** Connections of clients (and tunnels onward) still open. */
    openConnections: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestProxy = Awaited<ReturnType<typeof startProxy>>;
