// What went wrong on the way to Coze or to GitHub, in words: the reason, whether trying again can help, the fix.
import { outsideText } from '../safe-text/outside.js';
import { term } from '../safe-text/terms.js';
import { LOOKUP_TIMEOUT } from './lookup.js';

export interface NetworkFailure {
  reason: string;
  /** Trying again cannot help (a proxy or a certificate said no). */
  final: boolean;
  timedOut: boolean;
  hint?: string;
}

/** Whose API the request was for: the words name it, and Coze's limits are Coze's alone. */
export type Api = 'Coze' | 'GitHub';

const KNOWN_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'the connection closed before the answer was complete',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_BODY_TIMEOUT: 'the answer stalled',
  [LOOKUP_TIMEOUT]: 'the host name was not resolved in time (no answer from DNS)',
};

/** Failures of time: trying again may help, but not past the deadline. */
const STALLED = new Set(['UND_ERR_BODY_TIMEOUT', LOOKUP_TIMEOUT]);

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server presented a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed certificate that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate was signed by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate was signed by an unknown authority',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate was signed by an unknown authority',
  CERT_UNTRUSTED: 'the certificate is not trusted',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  CERT_REVOKED: 'the certificate was revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name',
};

const proxyHint = (api: Api) =>
  'The proxy from HTTPS_PROXY / HTTP_PROXY refused to carry the request. ' +
  'If it wants credentials, put them in its URL, HTTPS_PROXY=http://user:pass@host:port (keep that in a secret); ' +
  `otherwise ask its owner to allow the ${api} API host, or list the host in NO_PROXY`;
const TLS_HINT =
  'The runner does not trust the certificate. ' +
  "Behind a corporate proxy or firewall that inspects TLS, give Node its CA: set NODE_EXTRA_CA_CERTS to the CA's PEM " +
  "file in the step's env (or NODE_USE_SYSTEM_CA=1 when the CA is in the system store). " +
  'Certificates are checked whatever NODE_TLS_REJECT_UNAUTHORIZED says. Never turn certificate verification off';

/** Coze's attempts are limited by timeout-seconds; GitHub's by what deadline-seconds left for them. */
const inTime = (api: Api) => (api === 'Coze' ? `within ${term('timeout-seconds')}` : 'in the time left');

/** The failure in words; undefined when the error is not a network failure at all (a bug, a failure to sign). */
export function describeNetworkError(error: unknown, api: Api = 'Coze'): NetworkFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') {
    const proxy = /Proxy response \((\d{3})\)/.exec(error.message);
    if (proxy) {
      const reason = `the proxy refused the connection to ${api} (HTTP ${proxy[1]})`;
      return { reason, final: true, timedOut: false, hint: proxyHint(api) };
    }
    return { reason: `no complete answer ${inTime(api)}`, final: false, timedOut: true };
  }
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  // undici's parser error carries no code: the server answered, but not in HTTP.
  if (error.name === 'HTTPParserError') {
    const which = api === 'Coze' ? `${term('base-url')} the Coze API` : "GITHUB_API_URL GitHub's API";
    return { reason: `the server did not answer in HTTP (is ${which}?)`, final: false, timedOut: false };
  }
  if (!code) return undefined;
  const proxy = /Proxy Authentication Required \((\d{3})\)/.exec(error.message);
  if (proxy) {
    const reason = `the proxy refused the request (HTTP ${proxy[1]}: it wants credentials)`;
    return { reason, final: true, timedOut: false, hint: proxyHint(api) };
  }
  const tls = Object.hasOwn(TLS_CODES, code) ? TLS_CODES[code] : undefined;
  if (tls) {
    const reason = `TLS certificate verification failed: ${tls} (${code})`;
    return { reason, final: true, timedOut: false, hint: TLS_HINT };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return { reason: `no answer ${inTime(api)}`, final: false, timedOut: true };
  if (STALLED.has(code)) return { reason: KNOWN_CODES[code] as string, final: false, timedOut: true };
  const known = Object.hasOwn(KNOWN_CODES, code) && KNOWN_CODES[code];
  const reason = known || `the request failed (${outsideText(code, 64) ?? 'no code'})`;
  return { reason, final: false, timedOut: false };
}
