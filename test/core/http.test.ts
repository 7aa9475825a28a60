import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import { type AddressInfo, createServer as createTcpServer, type Socket, type Server as TcpServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import {
  createHttpClient,
  type HttpClient,
  MAX_BODY_BYTES,
  proxySettings,
  proxyUrl,
  ResponseTooLargeError,
} from '../../src/core/http.ts';
import { createResolver, LOOKUP_TIMEOUT, type LookupAll } from '../../src/core/lookup.ts';
import { describeNetworkError } from '../../src/core/network-errors.ts';
import { ROOT } from '../support/paths.ts';
import { startProxy } from '../support/proxy.ts';

const connections: Socket[] = [];
/** The connection each echoed body came over. */
const echoedOver = new Map<string, Socket>();
const server = createServer((req, res) => {
  if (req.url === '/big' || req.url === '/limit') {
    res.writeHead(200);
    return void res.end('x'.repeat(MAX_BODY_BYTES + (req.url === '/big' ? 1 : 0)));
  }
  if (req.url === '/hang') return;
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => echoedOver.set(body, req.socket));
  res.writeHead(201, [
    ['x-tt-logid', 'L1'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ]);
  req.pipe(res);
});
server.on('connection', (socket) => connections.push(socket));
let url: string;
const http = createHttpClient();
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await http.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it('sends the request and reads status, headers (repeated ones joined) and body', async () => {
  const response = await http.send({
    method: 'POST',
    url: `${url}/echo`,
    headers: { 'content-type': 'text/plain' },
    body: 'hello',
    timeoutMs: 5000,
  });
  expect(response).toMatchObject({
    status: 201,
    body: 'hello',
    headers: { 'x-tt-logid': 'L1', 'set-cookie': 'a=1, b=2' },
  });
});

it('reads a body of exactly MAX_BODY_BYTES', async () => {
  expect((await http.send({ method: 'GET', url: `${url}/limit`, headers: {}, timeoutMs: 5000 })).body).toHaveLength(
    MAX_BODY_BYTES,
  );
});

it('stops reading a body over MAX_BODY_BYTES', async () => {
  await expect(http.send({ method: 'GET', url: `${url}/big`, headers: {}, timeoutMs: 5000 })).rejects.toBeInstanceOf(
    ResponseTooLargeError,
  );
});

it('sends one request after another, the next in the same tick as the last body, over one connection', async () => {
  const client = createHttpClient();
  const before = connections.length;
  for (let i = 0; i < 4; i++)
    await client.send({ method: 'POST', url: `${url}/echo`, headers: {}, body: String(i), timeoutMs: 5000 });
  expect(connections.length - before).toBe(1);
  await client.close();
});

it('starts afresh after a failed attempt, and close() ends every connection', async () => {
  const client = createHttpClient();
  const before = connections.length;
  await expect(client.send({ method: 'GET', url: `${url}/hang`, headers: {}, timeoutMs: 200 })).rejects.toMatchObject({
    name: 'TimeoutError',
  });
  await client.send({ method: 'POST', url: `${url}/echo`, headers: {}, body: 'x', timeoutMs: 5000 });
  expect(connections.length - before).toBe(2);
  await client.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(connections.slice(before).every((socket) => socket.destroyed)).toBe(true);
});

it('ends a request queued behind a failed one with their dispatcher: no connection outlives close()', async () => {
  const client = createHttpClient();
  const before = connections.length;
  const failed = client.send({ method: 'GET', url: `${url}/hang`, headers: {}, timeoutMs: 150 });
  // One connection per origin: this one waits for the first, and is never sent on a connection of its own.
  const queued = client.send({ method: 'POST', url: `${url}/echo`, headers: {}, body: 'queued', timeoutMs: 5000 });
  await expect(failed).rejects.toMatchObject({ name: 'TimeoutError' });
  await expect(queued).rejects.toMatchObject({ code: 'UND_ERR_DESTROYED' });
  await client.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(connections.slice(before).every((socket) => socket.destroyed)).toBe(true);
});

it('sends again after close(), over a connection of its own', async () => {
  const client = createHttpClient();
  const before = connections.length;
  const echo = (body: string) => ({ method: 'POST', url: `${url}/echo`, headers: {}, body, timeoutMs: 5000 }) as const;
  expect((await client.send(echo('before'))).body).toBe('before');
  await client.close();
  expect((await client.send(echo('after'))).body).toBe('after');
  expect(connections.length - before).toBe(2);
  await client.close();
});

it('drops a proxy tunnel that stalled in CONNECT: the next attempt opens a fresh one', async () => {
  const proxy = await startProxy({ stall: true });
  const saved = process.env.HTTPS_PROXY;
  process.env.HTTPS_PROXY = proxy.url;
  const client = createHttpClient();
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(
        client.send({ method: 'GET', url: 'https://api.coze.test:8443/x', headers: {}, timeoutMs: 150 }),
      ).rejects.toMatchObject({
        name: 'TimeoutError',
      });
    }
    expect(proxy.connections()).toBe(3);
    expect(proxy.hits).toEqual([
      'CONNECT api.coze.test:8443',
      'CONNECT api.coze.test:8443',
      'CONNECT api.coze.test:8443',
    ]);
    // Each dropped tunnel is closed at once, not left open until the process ends.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(proxy.openConnections()).toBe(0);
  } finally {
    await client.close();
    if (saved === undefined) delete process.env.HTTPS_PROXY;
    else process.env.HTTPS_PROXY = saved;
    await proxy.close();
  }
});

it('sends loopback direct even with a proxy set', async () => {
  const proxy = await startProxy();
  const saved = process.env.HTTP_PROXY;
  process.env.HTTP_PROXY = proxy.url;
  const client = createHttpClient();
  try {
    expect(
      (
        await client.send({
          method: 'POST',
          url: `${url.replace('127.0.0.1', 'localhost')}/echo`,
          headers: {},
          body: 'direct',
          timeoutMs: 5000,
        })
      ).body,
    ).toBe('direct');
    expect(proxy.connections()).toBe(0);
  } finally {
    await client.close();
    if (saved === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = saved;
    await proxy.close();
  }
});

it('drops only the dispatcher that failed: the other keeps its connection until close()', async () => {
  const proxy = await startProxy();
  const saved = process.env.HTTP_PROXY;
  process.env.HTTP_PROXY = proxy.url;
  const client = createHttpClient();
  try {
    const viaProxy = `${url.replace('127.0.0.1', 'api.coze.test')}/echo`;
    expect((await client.send({ method: 'POST', url: viaProxy, headers: {}, body: 'a', timeoutMs: 5000 })).body).toBe(
      'a',
    );
    await expect(client.send({ method: 'GET', url: `${url}/hang`, headers: {}, timeoutMs: 100 })).rejects.toMatchObject(
      { name: 'TimeoutError' },
    );
    expect((await client.send({ method: 'POST', url: viaProxy, headers: {}, body: 'b', timeoutMs: 5000 })).body).toBe(
      'b',
    );
    expect(proxy.connections()).toBe(1);
    // And the other way round: a failure through the proxy leaves the direct connection alone.
    await client.send({ method: 'POST', url: `${url}/echo`, headers: {}, body: 'c', timeoutMs: 5000 });
    await expect(
      client.send({
        method: 'GET',
        url: `${url.replace('127.0.0.1', 'api.coze.test')}/hang`,
        headers: {},
        timeoutMs: 100,
      }),
    ).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await client.send({ method: 'POST', url: `${url}/echo`, headers: {}, body: 'd', timeoutMs: 5000 });
    expect(echoedOver.get('d')).toBe(echoedOver.get('c'));
    await client.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(proxy.openConnections()).toBe(0);
  } finally {
    if (saved === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = saved;
    await proxy.close();
  }
});

it('a client that leaves the process free still sends, directly and through a proxy', async () => {
  const proxy = await startProxy();
  const port = (server.address() as AddressInfo).port;
  const http = createHttpClient({ HTTP_PROXY: proxy.url }, { holdsProcess: false });
  try {
    const send = (url: string) =>
      http.send({ method: 'POST', url, headers: {}, body: `detached ${url}`, timeoutMs: 5000 });
    expect((await send(`http://127.0.0.1:${port}/direct`)).status).toBe(201);
    expect((await send(`http://coze.test:${port}/proxied`)).status).toBe(201);
    expect(proxy.hits).toEqual([`POST http://coze.test:${port}/proxied`]);
  } finally {
    await http.close();
    await proxy.close();
  }
});

describe('name lookups', () => {
  /** A resolver that answers 127.0.0.1 for every name, recording the names, as a hosts file would. */
  function hostsResolver() {
    const names: string[] = [];
    const lookup: LookupAll = (hostname, _options, answer) => {
      names.push(hostname);
      answer(null, [{ address: '127.0.0.1', family: 4 }]);
    };
    return { names, resolver: createResolver(lookup) };
  }

  it('gives up on a name the resolver never answers when the attempt ends, and asks for it once', async () => {
    const asked: string[] = [];
    const resolver = createResolver((hostname) => void asked.push(hostname));
    const client = createHttpClient({}, { resolver });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const started = performance.now();
        const request = { method: 'GET', url: 'https://api.coze.test:8443/x', headers: {}, timeoutMs: 150 } as const;
        const failure = await client.send(request).catch((error: unknown) => error);
        expect(performance.now() - started).toBeLessThan(1500);
        const message = 'a host name was not resolved in time';
        expect(failure).toMatchObject({ name: 'LookupTimeoutError', code: LOOKUP_TIMEOUT, message });
        expect((failure as Error).cause).toMatchObject({ name: 'TimeoutError' });
        const reason = 'the host name was not resolved in time (no answer from DNS)';
        expect(describeNetworkError(failure)).toEqual({ reason, final: false, timedOut: true });
      }
      expect(asked).toEqual(['api.coze.test']);
      expect(resolver.unfinished()).toBe(1);
    } finally {
      await client.close();
    }
  });

  it("gives up on a proxy's name the same way", async () => {
    const resolver = createResolver(() => {});
    const client = createHttpClient({ HTTPS_PROXY: 'http://proxy.test:3128' }, { resolver });
    try {
      const request = { method: 'GET', url: 'https://api.coze.test/x', headers: {}, timeoutMs: 150 } as const;
      await expect(client.send(request)).rejects.toMatchObject({ code: LOOKUP_TIMEOUT });
    } finally {
      await client.close();
    }
  });

  it('a request that fails otherwise keeps its own error', async () => {
    const { resolver } = hostsResolver();
    const client = createHttpClient({}, { resolver });
    try {
      const hang = `${url.replace('127.0.0.1', 'coze.test')}/hang`;
      const request = { method: 'GET', url: hang, headers: {}, timeoutMs: 150 } as const;
      await expect(client.send(request)).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      await client.close();
    }
  });

  it("resolves through the resolver it is given, the target's name directly and the proxy's name", async () => {
    const proxy = await startProxy();
    const port = (server.address() as AddressInfo).port;
    const direct = hostsResolver();
    const proxied = hostsResolver();
    const alone = createHttpClient({}, { resolver: direct.resolver });
    const proxyEnv = { HTTP_PROXY: proxy.url.replace('127.0.0.1', 'proxy.test') };
    const viaProxy = createHttpClient(proxyEnv, { resolver: proxied.resolver });
    try {
      const echo = `http://coze.test:${port}/echo`;
      const send = (client: HttpClient) =>
        client.send({ method: 'POST', url: echo, headers: {}, body: 'n', timeoutMs: 5000 });
      expect((await send(alone)).body).toBe('n');
      expect((await send(viaProxy)).body).toBe('n');
      expect(direct.names).toEqual(['coze.test']);
      expect(proxied.names).toEqual(['proxy.test']);
      expect(proxy.hits).toEqual([`POST http://coze.test:${port}/echo`]);
    } finally {
      await Promise.all([alone.close(), viaProxy.close()]);
      await proxy.close();
    }
  });
});

/** Names resolve to 127.0.0.1, as a hosts file would say, so that tests can name hosts that are not loopback. */
const local = createResolver((_hostname, _options, answer) => answer(null, [{ address: '127.0.0.1', family: 4 }]));
const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/tls', name), 'utf8');
const TLS = { key: fixture('server-key.pem'), cert: fixture('server-cert.pem') };
const portOf = (listening: { address: () => AddressInfo | string | null }) => (listening.address() as AddressInfo).port;
const listen = <T extends TcpServer>(listening: T) =>
  new Promise<T>((resolve) => {
    listening.listen(0, '127.0.0.1', () => resolve(listening));
  });
/** A request of the kind a mint makes, to `url`. */
const post = (url: string, timeoutMs = 5000) => ({ method: 'POST', url, headers: {}, body: 'jwt', timeoutMs }) as const;
const shut = (listening: TcpServer) => new Promise((resolve) => listening.close(resolve));

describe('proxy variables', () => {
  it('takes host:port as http://host:port, even with a scheme further on', () => {
    expect(proxyUrl('HTTP_PROXY', 'proxy.internal:3128')).toBe('http://proxy.internal:3128/');
    const later = 'proxy.internal:3128/?next=ftp://x';
    expect(proxyUrl('HTTP_PROXY', later)).toBe(`http://${later}`);
  });

  it('refuses a broken percent-escape in the user name alone, naming the variable, never the value', () => {
    let refusal: unknown;
    try {
      proxyUrl('HTTPS_PROXY', 'http://us%zzer:secret@proxy.internal:3128');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InputError);
    expect(refusal).toMatchObject({ inputs: ['HTTPS_PROXY'], message: expect.stringContaining('percent-escape') });
    expect((refusal as Error).message).not.toMatch(/us%zzer|secret/);
  });

  it('reads each variable in lower case first, then in upper case, and none as empty', () => {
    const lower = { http_proxy: 'lower:1', https_proxy: 'lower:2', no_proxy: 'lower.test' };
    const upper = { HTTP_PROXY: 'upper:1', HTTPS_PROXY: 'upper:2', NO_PROXY: 'upper.test' };
    const read = (prefix: string, noProxy: string) => ({
      httpProxy: `http://${prefix}:1/`,
      httpsProxy: `http://${prefix}:2/`,
      noProxy,
    });
    expect(proxySettings({})).toEqual({ httpProxy: '', httpsProxy: '', noProxy: '' });
    expect(proxySettings(lower)).toEqual(read('lower', 'lower.test'));
    expect(proxySettings(upper)).toEqual(read('upper', 'upper.test'));
    expect(proxySettings({ ...upper, ...lower })).toEqual(read('lower', 'lower.test'));
  });
});

describe('proxies by scheme, as curl and @actions/http-client take them', () => {
  it('sends http through HTTP_PROXY and https through HTTPS_PROXY, each to its own', async () => {
    const plain = await startProxy();
    const secure = await startProxy({ refuseWith: 407 });
    const client = createHttpClient({ HTTP_PROXY: plain.url, HTTPS_PROXY: secure.url }, { resolver: local });
    try {
      const port = portOf(server);
      expect((await client.send(post(`http://coze.example:${port}/echo`))).body).toBe('jwt');
      await expect(client.send(post(`https://coze.example:${port}/x`))).rejects.toBeInstanceOf(Error);
      expect(plain.hits).toEqual([`POST http://coze.example:${port}/echo`]);
      expect(secure.hits).toEqual([`CONNECT coze.example:${port}`]);
    } finally {
      await client.close();
      await Promise.all([plain.close(), secure.close()]);
    }
  });

  it('sends https through HTTPS_PROXY only: HTTP_PROXY alone leaves it direct', async () => {
    const proxy = await startProxy();
    const secure = await listen(createTlsServer(TLS, (_req, res) => res.end('direct')));
    const client = createHttpClient({ HTTP_PROXY: proxy.url }, { resolver: local });
    try {
      const request = post(`https://api.coze.test:${portOf(secure)}/x`);
      // The server's certificate comes from a CA this process does not trust: the refusal shows it was reached.
      await expect(client.send(request)).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
      expect(proxy.hits).toEqual([]);
      expect(proxy.connections()).toBe(0);
    } finally {
      await client.close();
      secure.closeAllConnections();
      await Promise.all([shut(secure), proxy.close()]);
    }
  });

  it('sends http through HTTP_PROXY only: HTTPS_PROXY alone leaves it direct', async () => {
    const proxy = await startProxy();
    const client = createHttpClient({ HTTPS_PROXY: proxy.url, https_proxy: proxy.url }, { resolver: local });
    try {
      const echo = `http://coze.test:${portOf(server)}/echo`;
      expect((await client.send(post(echo))).body).toBe('jwt');
      expect(proxy.connections()).toBe(0);
    } finally {
      await client.close();
      await proxy.close();
    }
  });
});

describe('certificates, whatever NODE_TLS_REJECT_UNAUTHORIZED says', () => {
  let secure: TlsServer;
  const received: string[] = [];
  beforeEach(() => {
    received.length = 0;
  });
  beforeAll(async () => {
    secure = await listen(createTlsServer(TLS, (req, res) => res.end(void received.push(`${req.method} ${req.url}`))));
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  });
  afterAll(async () => {
    delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    secure.closeAllConnections();
    await shut(secure);
  });
  const untrusted = { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' };

  it('refuses a certificate nobody vouches for, directly: nothing is sent', async () => {
    const client = createHttpClient({}, { resolver: local });
    try {
      for (const host of ['127.0.0.1', 'api.coze.test']) {
        await expect(client.send(post(`https://${host}:${portOf(secure)}/token`))).rejects.toMatchObject(untrusted);
      }
      expect(received).toEqual([]);
    } finally {
      await client.close();
    }
  });

  it('refuses it inside a proxy tunnel', async () => {
    const proxy = await startProxy();
    const client = createHttpClient({ HTTPS_PROXY: proxy.url }, { resolver: local });
    try {
      await expect(client.send(post(`https://api.coze.test:${portOf(secure)}/token`))).rejects.toMatchObject(untrusted);
      expect(proxy.hits).toEqual([`CONNECT api.coze.test:${portOf(secure)}`]);
      expect(received).toEqual([]);
    } finally {
      await client.close();
      await proxy.close();
    }
  });

  it("refuses an https proxy's own certificate: the proxy is told nothing, not even where to", async () => {
    const proxy = await startProxy({ tls: TLS });
    const client = createHttpClient({ HTTPS_PROXY: proxy.url.replace('127.0.0.1', 'proxy.test') }, { resolver: local });
    try {
      await expect(client.send(post(`https://api.coze.test:${portOf(secure)}/token`))).rejects.toMatchObject(untrusted);
      expect(proxy.hits).toEqual([]);
      expect(received).toEqual([]);
    } finally {
      await client.close();
      await proxy.close();
    }
  });
});

describe('a TLS handshake stalled inside a proxy tunnel', () => {
  let silent: TcpServer;
  /** Connections to the silent server, open until they close. */
  const held = new Set<Socket>();
  beforeAll(async () => {
    silent = await listen(
      // It reads, so that it sees the tunnel close, and never answers the ClientHello.
      createTcpServer((socket) => {
        socket.resume();
        held.add(socket);
        socket.on('close', () => held.delete(socket));
      }),
    );
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await shut(silent);
  });
  const until = async (done: () => boolean, withinMs: number) => {
    const end = performance.now() + withinMs;
    while (!done() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
    return done();
  };

  it('is ended with the attempt, its tunnel closed at once, not at the connect timeout', async () => {
    const proxy = await startProxy();
    const client = createHttpClient({ HTTPS_PROXY: proxy.url }, { resolver: local });
    try {
      const stalled = `https://api.coze.test:${portOf(silent)}/x`;
      await expect(client.send(post(stalled, 300))).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(await until(() => held.size === 0 && proxy.openConnections() === 0, 1000)).toBe(true);
    } finally {
      await client.close();
      await proxy.close();
    }
  });

  it('is ended by close(), while the attempt still runs', async () => {
    const proxy = await startProxy();
    const client = createHttpClient({ HTTPS_PROXY: proxy.url }, { resolver: local });
    try {
      const stalled = `https://api.coze.test:${portOf(silent)}/x`;
      const attempt = client.send(post(stalled, 30_000)).catch((error: unknown) => error);
      expect(await until(() => held.size === 1, 2000)).toBe(true);
      await client.close();
      expect(await until(() => held.size === 0 && proxy.openConnections() === 0, 1000)).toBe(true);
      expect(await attempt).toBeInstanceOf(Error);
    } finally {
      await proxy.close();
    }
  });
});

describe('holding the process', () => {
  /** How many more client sockets keep the process alive while a request of `client` is in flight. */
  async function heldInFlight(client: HttpClient): Promise<number> {
    const arrived = Promise.withResolvers<void>();
    const accepted: Socket[] = [];
    const silent = await listen(
      createTcpServer((socket) => {
        // The server's side of the connection is not counted.
        socket.unref();
        accepted.push(socket);
        socket.once('data', () => arrived.resolve());
      }),
    );
    const sockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;
    const before = sockets();
    const attempt = client.send(post(`http://127.0.0.1:${portOf(silent)}/x`)).catch((error: unknown) => error);
    await arrived.promise;
    const held = sockets() - before;
    await client.close();
    await attempt;
    for (const socket of accepted) socket.destroy();
    await shut(silent);
    return held;
  }

  it('by default, a socket with a request in flight keeps the process alive; with holdsProcess false, none', async () => {
    expect(await heldInFlight(createHttpClient({}))).toBe(1);
    expect(await heldInFlight(createHttpClient({}, { holdsProcess: false }))).toBe(0);
  });
});
