import { CozeError } from './errors.js';
import type { HttpResponse } from './http.js';

const MAX_TOKEN_LIFETIME_SECONDS = 366 * 24 * 3600;
const MAX_MESSAGE_LENGTH = 300;
/** A JWT or a Coze token echoed back in an error message is cut out before the message goes anywhere. */
const SECRET_LOOKING = /eyJ[\w-]*\.[\w-]+\.[\w-]*|\bcz[a-z]_[\w-]+/g;

export interface MintedToken {
  token: string;
  /** When Coze says the token stops working. */
  expiresAt: Date;
  /** Whole seconds left at mint time. */
  expiresIn: number;
  logId?: string;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Coze's words, made safe for one log line: no control characters, bounded length. */
function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(SECRET_LOOKING, '[redacted]')
    .trim();
  if (text === '') return undefined;
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

function describeBody(response: HttpResponse): string {
  const type = response.headers['content-type']?.split(';')[0]?.trim();
  if (response.body.trim() === '') return 'an empty body';
  if (type === 'text/html' || /^\s*</.test(response.body)) return 'an HTML page (a gateway or proxy answered, not the Coze API)';
  if (parseJson(response.body) !== undefined) return 'a JSON body that is not an object';
  return type ? `a body that is not JSON (${type})` : 'a body that is not JSON';
}

/** A 2xx answer to the token exchange; anything but a well-formed token is an error, so no output is set. */
export function parseTokenResponse(response: HttpResponse, nowMs: number): MintedToken {
  const logId = response.headers['x-tt-logid'];
  const fail = (problem: string): never => {
    throw new CozeError(`Coze answered the token request with ${problem}`, {
      status: response.status,
      ...(logId && { logId }),
      hint: 'No token was set. Check that base-url points at the Coze API (https://api.coze.cn or https://api.coze.com) and not at a proxy or web page',
    });
  };
  const json = asRecord(parseJson(response.body));
  if (!json) return fail(describeBody(response));
  const token = json.access_token;
  if (typeof token !== 'string' || token.trim() === '') return fail('no access_token');
  if (!/^[\x21-\x7e]{1,4096}$/.test(token)) return fail('an access_token that is not a printable string');
  const expiresAtSeconds = json.expires_in;
  if (typeof expiresAtSeconds !== 'number' || !Number.isFinite(expiresAtSeconds)) return fail('no numeric expires_in');
  const expiresIn = Math.floor(expiresAtSeconds - nowMs / 1000);
  if (expiresIn <= 0) return fail('an expires_in that is already past (it is a Unix time; is the runner clock right?)');
  if (expiresIn > MAX_TOKEN_LIFETIME_SECONDS) return fail('an expires_in more than a year ahead, which is not a Unix time in seconds');
  return { token, expiresAt: new Date(expiresAtSeconds * 1000), expiresIn, ...(logId && { logId }) };
}

export interface ErrorContext {
  /** What was being done, for the start of the message: "Coze refused the token request". */
  what: string;
  baseUrl: string;
  /** Hints by Coze code that know more about this call than the general ones. */
  hintsByCode?: Record<string, string>;
}

/** A non-2xx answer (or an API-level error code) as one actionable CozeError. */
export function cozeErrorFrom(response: HttpResponse, context: ErrorContext): CozeError {
  const json = asRecord(parseJson(response.body)) ?? {};
  const code = cleanText(json.error_code) ?? cleanText(json.code) ?? cleanText(json.error);
  const text = cleanText(json.error_message) ?? cleanText(json.msg) ?? cleanText(json.error_description);
  const message = text ? `${context.what}: ${text}` : `${context.what} with ${describeBody(response)}`;
  const logId = response.headers['x-tt-logid'];
  const hint = (code && context.hintsByCode?.[code]) || hintFor(response, code, `${code ?? ''} ${text ?? ''} ${cleanText(json.error) ?? ''}`, context.baseUrl);
  return new CozeError(message, { status: response.status, ...(code && { code }), ...(logId && { logId }), ...(hint && { hint }) });
}

function hintFor(response: HttpResponse, code: string | undefined, words: string, baseUrl: string): string | undefined {
  const text = words.toLowerCase();
  const { status } = response;
  if (status >= 300 && status < 400) {
    const location = response.headers.location;
    const target = location ? ` to ${safeHost(location, baseUrl)}` : '';
    return `Coze redirected${target}; redirects are not followed so the JWT never goes to another host. Check base-url`;
  }
  if (status === 429 || code === '4013') return 'Coze is rate-limiting this app: mint less often (one token per job is enough), or try again later';
  if (/\bkid\b|key[ _]?id|public[ _]key|fingerprint/.test(text)) {
    return "Check public-key-id: it must be the fingerprint (公钥指纹) of a public key that is still on this OAuth app in the Coze console, and private-key must be that key pair's private half";
  }
  if (/\b(iat|exp|expired?|nbf|clock|timestamp)\b/.test(text)) {
    return "Coze refused the JWT's times: check the runner's clock (the action backdates iat by 60 s and lets the JWT live 10 minutes)";
  }
  if (code === '4101' || /permission|not published|unpublished|unauthori[sz]ed_client/.test(text)) {
    return 'The app lacks permission for this: in the Coze console publish the OAuth app, grant it the permissions it needs, and for channel apps add it under Settings → publish channels (enterprise custom channel management)';
  }
  if (status === 401 || status === 403 || code === '4100' || /invalid_client|invalid_grant|signature/.test(text)) {
    const here = new URL(baseUrl).hostname;
    const other = here.endsWith('coze.com') ? 'https://api.coze.cn' : 'https://api.coze.com';
    return `Coze did not accept the app's credentials: check app-id, public-key-id and private-key belong to the same OAuth app of the JWT (service) kind, and that the app is on ${here}; an app created on the other site needs base-url: ${other}`;
  }
  if (status === 404 || code === '4200') return 'Nothing was found at that address: check base-url, and account-id if you set it';
  if (status >= 500) return 'Coze had a server problem and retries did not help; try again later, and quote the log id to Coze support if it persists';
  return undefined;
}

function safeHost(location: string, baseUrl: string): string {
  try {
    return new URL(location, baseUrl).host;
  } catch {
    return 'an unreadable address';
  }
}
