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
/** The proxy settings of the environment, in undici's order of precedence (lower case first), checked. */
export declare function proxySettings(env: Record<string, string | undefined>): {
    httpProxy?: string;
    httpsProxy?: string;
    noProxy?: string;
};
/**
 * undici with one connection per origin, so that mint, verify and retries share one keep-alive connection (one
 * TLS handshake, one CONNECT through a proxy). HTTP(S)_PROXY / NO_PROXY are honoured, in either case, except for
 * loopback, which always goes direct: a JWT meant for 127.0.0.1 never goes to a proxy host. After a network
 * failure the dispatcher is dropped and the next attempt starts afresh, so a proxy stalled in CONNECT cannot hold
 * later attempts. Redirects are never followed, so a JWT stays with its host.
 */
export declare function createHttpClient(env?: Record<string, string | undefined>, { holdsProcess }?: {
    holdsProcess?: boolean | undefined;
}): HttpClient;
