import { type Dispatcher, EnvHttpProxyAgent, request } from 'undici';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** Sends one request; rejects on network failure, timeout, or a body over MAX_BODY_BYTES. */
export type SendRequest = (request: HttpRequest) => Promise<HttpResponse>;

export class ResponseTooLargeError extends Error {}

let dispatcher: Dispatcher | undefined;

/** One agent for every call, honouring HTTP(S)_PROXY / NO_PROXY in either case. */
export function proxyDispatcher(): Dispatcher {
  dispatcher ??= new EnvHttpProxyAgent();
  return dispatcher;
}

/** undici through the proxy settings; redirects are never followed, so a JWT stays with its host. */
export const sendRequest: SendRequest = async ({ method, url, headers, body, timeoutMs }) => {
  const signal = AbortSignal.timeout(timeoutMs);
  const response = await request(url, { method, headers, body: body ?? null, signal, dispatcher: proxyDispatcher() });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    // Leaving the loop by throwing destroys the body stream, and with it the connection.
    if (size > MAX_BODY_BYTES) throw new ResponseTooLargeError(`the response body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(response.headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return { status: response.statusCode, headers: flat, body: Buffer.concat(chunks).toString('utf8') };
};
