// Network failures in words: each code's reason, which failures are final, and whose API the words name.
import { describe, expect, it } from 'vitest';
import { describeError, NetworkError } from '../../src/core/errors.ts';
import { describeNetworkError } from '../../src/core/network-errors.ts';

describe('network failures in words', () => {
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_SOCKET: 'the connection closed before the answer was complete',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no answer within ⟦timeout-seconds⟧',
    UND_ERR_BODY_TIMEOUT: 'the answer stalled',
  };
  const tls: Record<string, string> = {
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
  /** An error as undici and Node give them: a code, on the error or on its cause. */
  const failed = (fields: object, message = 'x') => Object.assign(new Error(message), fields);
  for (const [code, words] of Object.entries(known)) {
    it(`${code}: ${words}`, () => {
      expect(describeNetworkError(failed({ code }))).toMatchObject({ reason: words, final: false });
    });
  }
  for (const [code, words] of Object.entries(tls)) {
    it(`${code}: ${words}, final`, () => {
      expect(describeNetworkError(failed({ code }))).toMatchObject({
        reason: `TLS certificate verification failed: ${words} (${code})`,
        final: true,
        timedOut: false,
      });
    });
  }

  it('names network failures in words, and knows which are final', () => {
    const timedOut = { final: false, timedOut: true };
    const noAnswer = 'no complete answer within ⟦timeout-seconds⟧';
    expect(describeNetworkError(new DOMException('x', 'TimeoutError'))).toEqual({ reason: noAnswer, ...timedOut });
    expect(describeNetworkError(failed({ cause: { code: 'ECONNRESET' } }))?.reason).toBe('connection reset');
    const closed = 'the connection closed before the answer was complete';
    expect(describeNetworkError(failed({ code: 'UND_ERR_SOCKET' }))?.reason).toBe(closed);
    expect(describeNetworkError(failed({ code: 'UND_ERR_HEADERS_TIMEOUT' }))).toMatchObject(timedOut);
    expect(describeNetworkError(failed({ code: 'EWHATEVER' }))?.reason).toBe('the request failed (EWHATEVER)');
    expect(describeNetworkError(failed({ code: '\u200b\u0007' }))?.reason).toBe('the request failed (no code)');
    expect(describeNetworkError(new TypeError('a bug'))).toBeUndefined();
    const parser = failed({ name: 'HTTPParserError' }, 'Response does not match the HTTP/1.1 protocol');
    expect(describeNetworkError(parser)).toEqual({
      reason: 'the server did not answer in HTTP (is ⟦base-url⟧ the Coze API?)',
      final: false,
      timedOut: false,
    });
    expect(describeNetworkError('not an error')).toBeUndefined();
    expect(describeNetworkError({ code: 'ECONNRESET', message: 'not an Error' })).toBeUndefined();
    const stalled = describeNetworkError(failed({ code: 'UND_ERR_BODY_TIMEOUT' }));
    expect(stalled).toEqual({ reason: 'the answer stalled', ...timedOut });
    const tunnel = 'Proxy response (407) !== 200 when HTTP Tunneling';
    const proxy = describeNetworkError(failed({ name: 'AbortError' }, tunnel));
    expect(proxy).toMatchObject({ reason: 'the proxy refused the connection to Coze (HTTP 407)', final: true });
    expect(proxy?.hint).toBe(
      'The proxy from HTTPS_PROXY / HTTP_PROXY refused to carry the request. If it wants credentials, put them in its ' +
        'URL, HTTPS_PROXY=http://user:pass@host:port (keep that in a secret); otherwise ask its owner to allow the Coze ' +
        'API host, or list the host in NO_PROXY',
    );
    const credentials = failed({ code: 'UND_ERR_INVALID_ARG' }, 'Proxy Authentication Required (407)');
    expect(describeNetworkError(credentials)).toMatchObject({
      final: true,
      reason: 'the proxy refused the request (HTTP 407: it wants credentials)',
    });
    const tls = describeNetworkError(failed({ code: 'CERT_HAS_EXPIRED' }));
    const expired = 'TLS certificate verification failed: the certificate has expired (CERT_HAS_EXPIRED)';
    expect(tls).toMatchObject({ reason: expired, final: true });
    const described = describeError(new NetworkError('Token request: x', tls?.hint));
    expect(described).toMatch(/^Token request: x\. The runner does not trust the certificate\./);
    expect(tls?.hint).toBe(
      'The runner does not trust the certificate. Behind a corporate proxy or firewall that inspects TLS, give Node ' +
        "its CA: set NODE_EXTRA_CA_CERTS to the CA's PEM file in the step's env (or NODE_USE_SYSTEM_CA=1 when the CA " +
        'is in the system store). Certificates are checked whatever NODE_TLS_REJECT_UNAUTHORIZED says. Never turn ' +
        'certificate verification off',
    );
  });

  it("names GitHub, not Coze, when the request was for GitHub, and none of Coze's limits", () => {
    const tunnel = failed({ name: 'AbortError' }, 'Proxy response (407) !== 200 when HTTP Tunneling');
    const refused = describeNetworkError(tunnel, 'GitHub');
    expect(refused).toMatchObject({ reason: 'the proxy refused the connection to GitHub (HTTP 407)', final: true });
    expect(refused?.hint).toMatch(/allow the GitHub API host/);
    expect(describeNetworkError(tunnel)?.hint).toMatch(/allow the Coze API host/);
    const credentials = failed({ code: 'UND_ERR_INVALID_ARG' }, 'Proxy Authentication Required (407)');
    expect(describeNetworkError(credentials, 'GitHub')?.hint).toMatch(/allow the GitHub API host/);
    const timeout = new DOMException('x', 'TimeoutError');
    expect(describeNetworkError(timeout, 'GitHub')?.reason).toBe('no complete answer in the time left');
    const headers = failed({ code: 'UND_ERR_HEADERS_TIMEOUT' });
    const late = describeNetworkError(headers, 'GitHub');
    expect(late).toMatchObject({ reason: 'no answer in the time left', timedOut: true });
    const parser = failed({ name: 'HTTPParserError' });
    const notHttp = "the server did not answer in HTTP (is GITHUB_API_URL GitHub's API?)";
    expect(describeNetworkError(parser, 'GitHub')?.reason).toBe(notHttp);
    for (const error of [tunnel, credentials, timeout, headers, parser]) {
      expect(JSON.stringify(describeNetworkError(error, 'GitHub'))).not.toMatch(/Coze|⟦/);
    }
  });
});
