import { type Resolver } from './lookup.js';
export declare const MAX_BODY_BYTES: number;
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
export declare class ResponseTooLargeError extends Error {
}
/** localhost, an IPv4 literal in 127.0.0.0/8 (as the URL parser normalises it), or [::1]; no other name. */
export declare function isLoopback(hostname: string): boolean;
/**
 * A proxy variable as curl and @actions/http-client read it: host:port without a scheme is http://host:port. A value
 * that cannot be used is an InputError naming the variable, never its value (it may hold credentials).
 */
export declare function proxyUrl(variable: string, value: string): string;
export interface ProxySettings {
    httpProxy: string;
    httpsProxy: string;
    noProxy: string;
}
/**
 * The proxy settings of the environment, lower case first (as undici and curl read them), checked. An empty
 * string says there is no such proxy: undici would read the environment itself for a setting left out.
 */
export declare function proxySettings(env: Record<string, string | undefined>): ProxySettings;
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
export declare function createHttpClient(env?: Record<string, string | undefined>, { holdsProcess, resolver }?: {
    holdsProcess?: boolean;
    resolver?: Resolver;
}): HttpClient;
