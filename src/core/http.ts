// The one HTTP client of a run: undici with proxies, bounded answers and name lookups, and nothing left open after.
import { Agent, type Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import { InputError } from './errors.js';
import { LookupTimeoutError, type Resolver, systemResolver } from './lookup.js';
import { ownEnvironment } from './own.js';
import { type DispatcherSockets, dispatcherSockets } from './sockets.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** Sends one request; rejects on network failure, timeout, or a body over MAX_BODY_BYTES. */
export type SendRequest = (request: HttpRequest) => Promise<HttpResponse>;

/** The HTTP of one run: every request of it, and close() when the run is over. */
export interface HttpClient {
  send: SendRequest;
  /** Ends every connection, so that nothing of the run keeps the process alive. */
  close: () => Promise<void>;
}

export class ResponseTooLargeError extends Error {}

/** localhost, an IPv4 literal in 127.0.0.0/8 (as the URL parser normalises it), or [::1]; no other name. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * A proxy variable as curl and @actions/http-client read it: host:port without a scheme is http://host:port. A value
 * that cannot be used is an InputError naming the variable, never its value (it may hold credentials).
 */
export function proxyUrl(variable: string, value: string): string {
  const expected = 'expected a proxy URL such as http://proxy.example:3128 (or host:port)';
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new InputError(variable, `${expected}; this is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(variable, `${expected}; only http:// and https:// proxies are supported`);
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new InputError(
      variable,
      `${expected}; its user name or password has a broken percent-escape (write a literal percent sign as %25)`,
    );
  }
  return url.href;
}

export interface ProxySettings {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

/**
 * The proxy settings of the environment, lower case first (as undici and curl read them), checked. An empty
 * string says there is no such proxy: undici would read the environment itself for a setting left out.
 */
export function proxySettings(env: Record<string, string | undefined>): ProxySettings {
  const checked = (...names: string[]) => {
    const name = names.find((each) => env[each]);
    return name ? proxyUrl(name, env[name] as string) : '';
  };
  return {
    httpProxy: checked('http_proxy', 'HTTP_PROXY'),
    httpsProxy: checked('https_proxy', 'HTTPS_PROXY'),
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  };
}

type Route = 'direct' | 'http:' | 'https:';

/** A dispatcher of a run, and every socket it opened. */
interface Opened {
  dispatcher: Dispatcher;
  sockets: DispatcherSockets;
}

/**
 * undici with one connection per origin, so that mint, verify and retries share one keep-alive connection (one
 * TLS handshake, one CONNECT through a proxy). Proxies as curl and @actions/http-client take them: https through
 * HTTPS_PROXY, http through HTTP_PROXY, NO_PROXY honoured, in either case; loopback always goes direct, so a JWT
 * meant for 127.0.0.1 never goes to a proxy host. Certificates are checked on every connection (to the server,
 * to an https proxy, inside a tunnel) whatever NODE_TLS_REJECT_UNAUTHORIZED says; a CA of one's own comes in
 * through NODE_EXTRA_CA_CERTS. After a network failure the dispatcher and its sockets are ended and the next
 * attempt starts afresh, so a proxy stalled in CONNECT or a handshake stalled in a tunnel holds nothing.
 * Redirects are never followed, so a JWT stays with its host.
 */
export function createHttpClient(
  env: Record<string, string | undefined> = ownEnvironment(),
  { holdsProcess = true, resolver = systemResolver }: { holdsProcess?: boolean; resolver?: Resolver } = {},
): HttpClient {
  const open = new Map<Route, Opened>();
  /** The signal of the request being sent: the name lookups its connection needs last no longer than it. */
  let current: AbortSignal | undefined;
  const connect = { rejectUnauthorized: true, lookup: resolver.boundBy(() => current) };
  const dispatcherFor = (url: URL): Opened => {
    const route: Route = isLoopback(url.hostname) ? 'direct' : url.protocol === 'http:' ? 'http:' : 'https:';
    const opened = open.get(route);
    if (opened) return opened;
    // Without holding the process, a request nobody waits for (a background refresh) ends with the program.
    const sockets = dispatcherSockets(holdsProcess);
    const { factory, clientFactory } = sockets;
    const tls = { connect, proxyTls: connect, requestTls: { rejectUnauthorized: true } };
    const options = { connections: 1, ...tls, factory, clientFactory };
    let dispatcher: Dispatcher = new Agent(options);
    if (route !== 'direct') {
      const { httpProxy, httpsProxy, noProxy } = proxySettings(env);
      const proxy = { 'http:': httpProxy, 'https:': httpsProxy }[route];
      dispatcher = new EnvHttpProxyAgent({ ...options, httpProxy: proxy, httpsProxy: proxy, noProxy });
    }
    const entry = { dispatcher, sockets };
    open.set(route, entry);
    return entry;
  };
  const retire = (entry: Opened) => {
    for (const [route, opened] of open) if (opened === entry) open.delete(route);
    entry.sockets.destroy();
    // Ending it is best effort: its sockets are of no more use to this run either way.
    entry.dispatcher.destroy(() => {});
  };

  const send: SendRequest = async ({ method, url, headers, body, timeoutMs }) => {
    const entry = dispatcherFor(new URL(url));
    const { dispatcher } = entry;
    const signal = AbortSignal.timeout(timeoutMs);
    current = signal;
    try {
      const response = await request(url, { method, headers, body: body ?? null, signal, dispatcher });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        // Leaving the loop by throwing destroys the body stream, and with it the connection.
        if (size > MAX_BODY_BYTES) throw new ResponseTooLargeError(`the response body exceeds ${MAX_BODY_BYTES} bytes`);
        chunks.push(chunk as Buffer);
      }
      const flat: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers))
        flat[name] = Array.isArray(value) ? value.join(', ') : value;
      return { status: response.statusCode, headers: flat, body: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      retire(entry);
      // The request ended while its connection still waited for a name: that is what to report.
      if (resolver.gaveUp(signal))
        throw new LookupTimeoutError('a host name was not resolved in time', { cause: error });
      throw error;
    }
  };

  return {
    send,
    close: async () => {
      const entries = [...open.values()];
      open.clear();
      await Promise.all(entries.map(({ dispatcher }) => dispatcher.destroy()));
    },
  };
}
