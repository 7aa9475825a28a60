import { type Dispatcher } from 'undici';
export declare const MAX_BODY_BYTES: number;
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
export declare class ResponseTooLargeError extends Error {
}
/** One agent for every call, honouring HTTP(S)_PROXY / NO_PROXY in either case. */
export declare function proxyDispatcher(): Dispatcher;
/** undici through the proxy settings; redirects are never followed, so a JWT stays with its host. */
export declare const sendRequest: SendRequest;
