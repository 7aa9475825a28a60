export const id = 657;
export const ids = [657];
export const modules = {

/***/ 5657:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./build/src/errors.js
/** A problem with what the user gave us: names the input and what is expected, never the value. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, expected) {
        super(`Input '${input}': ${expected}`);
        this.input = input;
    }
}
/** Coze answered, and the answer was not what we asked for. */
class CozeError extends Error {
    details;
    name = 'CozeError';
    constructor(message, details = {}) {
        super(message);
        this.details = details;
    }
}
/** Coze could not be reached, or did not answer in time, after every attempt (or at once, when retrying cannot help). */
class NetworkError extends Error {
    hint;
    name = 'NetworkError';
    constructor(message, hint) {
        super(message);
        this.hint = hint;
    }
}
/** What went wrong with Coze's own words and ids, and separately what to do about it. */
function explainError(error) {
    if (error instanceof CozeError) {
        const { status, code, logId, hint } = error.details;
        const facts = [
            status === undefined ? undefined : `HTTP ${status}`,
            code === undefined ? undefined : `code ${code}`,
            logId === undefined ? undefined : `log id ${logId}`,
        ].filter(Boolean);
        const problem = facts.length > 0 ? `${error.message} (${facts.join(', ')})` : error.message;
        return hint === undefined ? { problem } : { problem, hint };
    }
    if (error instanceof NetworkError)
        return error.hint === undefined ? { problem: error.message } : { problem: error.message, hint: error.hint };
    if (error instanceof InputError)
        return { problem: error.message };
    return { problem: `Unexpected error: ${error instanceof Error ? error.message : String(error)}` };
}
/** One line a user can act on. */
function describeError(error) {
    const { problem, hint } = explainError(error);
    return hint === undefined ? problem : `${problem}. ${hint}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./build/src/private-key.js


const INPUT = 'private-key';
const MIN_RSA_BITS = 2048;
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
/** Some secret stores mangle newlines, so a PEM may arrive base64-encoded on one line; anything else stays as it is. */
function decodeBase64Pem(raw) {
    // Decoding anything else (a PEM itself included) yields no PEM armour, and the input stays as it was.
    const decoded = Buffer.from(raw, 'base64').toString('utf8');
    return decoded.includes('-----BEGIN ') ? decoded : raw;
}
/**
 * Undo what secret stores and copy-paste do to a PEM: base64 around it, literal "\n" escapes, CRLF, quotes,
 * indentation, blank lines, or all line breaks lost. Returns the PEM rebuilt with 64-column lines, and its label.
 * (A PEM with headers is an encrypted one, refused anyway: its "ENCRYPTED" survives in the rebuilt text.)
 */
function normalizePem(raw) {
    const match = PEM_BLOCK.exec(decodeBase64Pem(raw).replace(/\\[rn]/g, ''));
    if (!match)
        return undefined;
    const label = match[1];
    const body = match[2].replace(/\s+/g, '');
    const pem = [`-----BEGIN ${label}-----`, ...(body.match(/.{1,64}/g) ?? []), `-----END ${label}-----`, ''].join('\n');
    return { label, pem, body };
}
/** Lines worth registering as secrets: the key's body however it is wrapped, and the raw input's own lines. */
function privateKeySecrets(raw) {
    const rawLines = raw.split(/\r?\n|\\n/).map((line) => line.trim());
    const body = normalizePem(raw)?.body ?? '';
    const bodyLines = body.match(/.{1,64}/g) ?? [];
    return [...new Set([raw.trim(), body, ...bodyLines, ...rawLines])].filter((line) => line.length >= 8 && !line.startsWith('-----'));
}
const WRONG_LABELS = {
    'PUBLIC KEY': 'this is a public key; paste the private key Coze let you download when you added the key pair',
    'RSA PUBLIC KEY': 'this is a public key; paste the private key Coze let you download when you added the key pair',
    CERTIFICATE: 'this is a certificate; paste the private key Coze let you download when you added the key pair',
    'ENCRYPTED PRIVATE KEY': 'this key is encrypted with a passphrase; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem) and store the unencrypted PEM as a secret',
    'EC PRIVATE KEY': 'this is an EC key; Coze signs with RS256, which needs an RSA key',
    'OPENSSH PRIVATE KEY': 'this is an OpenSSH key; Coze needs the RSA key in PEM form that its console let you download',
};
const KEY_KINDS = { ec: 'an EC', ed25519: 'an Ed25519', ed448: 'an Ed448', dsa: 'a DSA', dh: 'a Diffie-Hellman', 'rsa-pss': 'an RSA-PSS', x25519: 'an X25519', x448: 'an X448' };
const EXPECTED = 'expected an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----), or that PEM base64-encoded on one line';
/** Parse the private-key input into an RSA KeyObject, or throw one InputError that never quotes the key. */
function parsePrivateKey(raw) {
    if (raw.trim() === '')
        throw new InputError(INPUT, `is empty; ${EXPECTED}`);
    const normalized = normalizePem(raw);
    if (!normalized) {
        const hint = decodeBase64Pem(raw).includes('-----BEGIN') ? ' The END line is missing: the key looks truncated.' : '';
        throw new InputError(INPUT, `${EXPECTED}.${hint}`);
    }
    const { label, pem } = normalized;
    const wrongLabel = WRONG_LABELS[label];
    if (wrongLabel)
        throw new InputError(INPUT, `${EXPECTED}; ${wrongLabel}`);
    if (label !== 'PRIVATE KEY' && label !== 'RSA PRIVATE KEY')
        throw new InputError(INPUT, `${EXPECTED}; found a PEM block labelled ${label}`);
    if (pem.includes('ENCRYPTED'))
        throw new InputError(INPUT, `${EXPECTED}; ${WRONG_LABELS['ENCRYPTED PRIVATE KEY']}`);
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch {
        throw new InputError(INPUT, `${EXPECTED}; the PEM body does not decode to a key (truncated or damaged when it was pasted?)`);
    }
    if (key.asymmetricKeyType !== 'rsa') {
        const kind = KEY_KINDS[key.asymmetricKeyType] ?? 'a non-RSA';
        throw new InputError(INPUT, `${EXPECTED}; this is ${kind} key, and Coze signs with RS256, which needs RSA`);
    }
    const bits = key.asymmetricKeyDetails.modulusLength;
    if (bits < MIN_RSA_BITS) {
        throw new InputError(INPUT, `this RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required, as smaller RSA keys can be factored. Add a new key pair in the Coze console`);
    }
    return key;
}

;// CONCATENATED MODULE: ./build/src/config.js


const DEFAULTS = {
    'base-url': 'https://api.coze.cn',
    'duration-seconds': '900',
    'timeout-seconds': '30',
    'deadline-seconds': '120',
    retries: '3',
};
const MAX_DURATION_SECONDS = 86399;
function readMintConfig(read) {
    const value = (name) => read(name).trim();
    const orDefault = (name) => value(name) || DEFAULTS[name];
    const baseUrl = parseBaseUrl(orDefault('base-url'));
    const sessionName = value('session-name');
    const scope = value('scope');
    const accountId = value('account-id');
    const enterpriseId = value('enterprise-id');
    if (accountId && enterpriseId)
        throw new InputError('enterprise-id', 'cannot be used together with account-id: set one of them (they choose different token endpoints)');
    return {
        appId: parseIdentifier('app-id', value('app-id'), "the OAuth app's id from the Coze console"),
        publicKeyId: parseIdentifier('public-key-id', value('public-key-id'), "the public key's fingerprint (公钥指纹) from the Coze console"),
        privateKey: parsePrivateKey(read('private-key')),
        baseUrl: baseUrl.origin,
        audience: value('audience') || baseUrl.hostname,
        durationSeconds: parseInteger('duration-seconds', orDefault('duration-seconds'), 1, MAX_DURATION_SECONDS),
        ...(sessionName && { sessionName }),
        ...(scope && { scope: parseScope(scope) }),
        ...(accountId && { accountId: parseIdentifier('account-id', accountId, 'the numeric id of a Coze organisation, or of the workspace owner for cross-account use', /^\d{1,32}$/) }),
        ...(enterpriseId && { enterpriseId: parseIdentifier('enterprise-id', enterpriseId, 'a Coze enterprise id such as volcano_2101…', /^[A-Za-z0-9_-]{1,128}$/) }),
        timeoutMs: parseInteger('timeout-seconds', orDefault('timeout-seconds'), 1, 600) * 1000,
        deadlineMs: parseInteger('deadline-seconds', orDefault('deadline-seconds'), 1, 3600) * 1000,
        retries: parseInteger('retries', orDefault('retries'), 0, 10),
    };
}
/** Ids and fingerprints: printable ASCII, no spaces. */
const IDENTIFIER = /^[\x21-\x7e]{1,256}$/;
function parseIdentifier(input, text, what, pattern = IDENTIFIER) {
    if (text === '')
        throw new InputError(input, `is required: ${what}`);
    if (!pattern.test(text))
        throw new InputError(input, `expected ${what}, without spaces or line breaks`);
    return text;
}
function parseInteger(input, text, min, max) {
    const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(number >= min && number <= max))
        throw new InputError(input, `expected a whole number from ${min} to ${max}`);
    return number;
}
function parseScope(text) {
    let scope;
    try {
        scope = JSON.parse(text);
    }
    catch {
        throw new InputError('scope', 'expected a JSON object, such as {"account_permission":{"permission_list":["Connector.botChat"]}}; it is not valid JSON');
    }
    if (typeof scope !== 'object' || scope === null || Array.isArray(scope))
        throw new InputError('scope', 'expected a JSON object ({...}), not a JSON array, string, number or null');
    return scope;
}
/** localhost, an IPv4 literal in 127.0.0.0/8 (as the URL parser normalises it), or [::1]; no other name. */
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
/** Only an origin: https anywhere, http only to loopback, so a JWT never crosses a network in clear. */
function parseBaseUrl(text) {
    const expected = 'expected the origin of the Coze API, https://api.coze.cn or https://api.coze.com';
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new InputError('base-url', `${expected}; this is not a URL`);
    }
    if (url.username || url.password)
        throw new InputError('base-url', `${expected}, without credentials in it`);
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        throw new InputError('base-url', `${expected}; plain http:// is allowed only for localhost, 127.x.x.x and [::1], so the signed JWT never crosses a network in clear`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new InputError('base-url', `${expected}; only https:// URLs are supported`);
    if (url.search || url.hash)
        throw new InputError('base-url', `${expected}, without a query or fragment`);
    if (url.pathname !== '/') {
        throw new InputError('base-url', `${expected}, without a path (the action adds /api/permission/oauth2/token itself)`);
    }
    return url;
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./build/src/answers.js
const code = (...codes) => (answer) => codes.includes(answer.code);
const says = (pattern) => (answer) => pattern.test([answer.code, answer.message].join(' '));
const answers_status = (test) => (answer) => test(answer.status);
function otherSite(baseUrl) {
    const here = new URL(baseUrl).hostname;
    return { here, other: here.endsWith('coze.com') ? 'https://api.coze.cn' : 'https://api.coze.com' };
}
function credentialsHint(_, { baseUrl }) {
    const { here, other } = otherSite(baseUrl);
    return `Coze did not accept the app's credentials: check that app-id, public-key-id and private-key belong to one OAuth app of the JWT (service) kind, created on ${here}; an app created on the other site needs base-url: ${other}`;
}
function redirectTarget(answer, baseUrl) {
    if (answer.location === undefined)
        return '';
    try {
        return ` to ${new URL(answer.location, baseUrl).host}`;
    }
    catch {
        return ' to an unreadable address';
    }
}
/** First match wins, so the specific answers stand before the general ones. */
const KNOWN_ANSWERS = [
    {
        label: 'HTTP 3xx',
        matches: answers_status((s) => s >= 300 && s < 400),
        hint: (answer, { baseUrl }) => `Coze redirected${redirectTarget(answer, baseUrl)}; redirects are not followed, so the JWT never goes to another host. Set base-url to https://api.coze.cn or https://api.coze.com exactly`,
    },
    {
        label: 'HTTP 407',
        matches: answers_status((s) => s === 407),
        hint: () => 'The proxy refused the request and wants credentials: put them in the proxy URL, HTTPS_PROXY=http://user:pass@host:port (keep it in a secret)',
    },
    {
        label: 'kid not been registred',
        matches: says(/kid not been regist|verify jwt empty/i),
        hint: (_, { baseUrl }) => {
            const { here, other } = otherSite(baseUrl);
            return `Coze does not know this app's key on ${here}. Usually the app was created on the other site: an app made on coze.com needs base-url: https://api.coze.com, one made on coze.cn the default https://api.coze.cn (try ${other}). If the site is right, copy the fingerprint (公钥指纹) of a key pair still on the app into public-key-id`;
        },
    },
    {
        label: 'connector app should bind connector id',
        matches: says(/connector app should bind connector/i),
        hint: () => 'The channel app is not bound to a publish channel: in the Coze console open Settings → publish channels → enterprise custom channel management, edit it and add the platform',
    },
    {
        label: '`access_deny`',
        matches: (answer) => code('access_deny')(answer) || says(/deactivated by the owner/i)(answer),
        hint: () => "The OAuth app is disabled: re-enable it in the Coze console (OAuth apps). While it is disabled every token of the app is suspended",
    },
    {
        label: '`internal_error`',
        matches: code('internal_error'),
        hint: () => 'Coze had an internal error and retries did not help; try again later, and quote the log id to Coze support if it persists',
        transient: true,
    },
    {
        label: '`invalid_request`',
        matches: code('invalid_request'),
        hint: () => 'Coze refused a field of the request (the message names it): check duration-seconds (1 to 86399), scope (a JSON object; it only takes effect for channel apps), and account-id or enterprise-id',
    },
    {
        label: '`unsupported_grant_type`',
        matches: code('unsupported_grant_type'),
        hint: () => 'The server did not accept the JWT bearer grant: base-url must be the Coze API itself (https://api.coze.cn or https://api.coze.com), not a proxy or another OAuth server',
    },
    {
        label: 'key id / fingerprint',
        matches: says(/\bkid\b|key[ _]?id|public[ _]key|fingerprint/i),
        hint: () => "Check public-key-id: it must be the fingerprint (公钥指纹) of a key pair still on this OAuth app in the Coze console, and private-key must be that pair's private half",
    },
    {
        label: '`exp`, `iat`, expired, clock',
        matches: says(/\b(iat|exp|expired?|nbf|clock|timestamp)\b/i),
        hint: () => "Coze refused the JWT's times: check the runner's clock (the action backdates iat by 60 s and lets the JWT live 10 minutes); a self-hosted runner may need NTP",
    },
    {
        label: '`invalid_client`',
        matches: (answer) => code('invalid_client', 'invalid_grant', 'unauthorized_client')(answer) || says(/signature/i)(answer),
        hint: credentialsHint,
    },
    {
        label: '4000',
        matches: code('4000'),
        hint: () => 'Coze refused the parameters of the call: check base-url and the inputs the message names',
    },
    {
        label: '4008',
        matches: code('4008'),
        hint: () => "The account's daily limit is used up: try again tomorrow, or raise the limit in the Coze console",
    },
    {
        label: '4009',
        matches: code('4009'),
        hint: () => 'Coze is at its system request cap; retries did not help: try again later',
        transient: true,
    },
    {
        label: '4013',
        matches: code('4013'),
        hint: () => "Coze's model service failed (4013 is a model error, not a rate limit): try again later, and quote the log id to Coze support if it persists",
    },
    {
        label: '4020',
        matches: code('4020'),
        hint: () => "The app's requests per minute are used up: mint less often (one token per job is enough), or spread scheduled runs",
    },
    {
        label: '4100',
        matches: code('4100'),
        hint: (_, { baseUrl }) => {
            const { here, other } = otherSite(baseUrl);
            return `Coze did not accept the token on ${here}: a token works only on the site that minted it (an app from the other site needs base-url: ${other}); check that the app is enabled and its key not revoked`;
        },
    },
    {
        label: '4101',
        matches: (answer) => code('4101')(answer) || says(/permission|not published|unpublished/i)(answer),
        hint: () => 'The app lacks the permission for this: grant it to the OAuth app in the Coze console, then authorise the app again (team and enterprise permissions need an admin)',
    },
    {
        label: '4102',
        matches: code('4102'),
        hint: () => "Coze's risk control blocked the request; retries did not help: try again later, and quote the log id to Coze support",
        transient: true,
    },
    {
        label: 'HTTP 429',
        matches: answers_status((s) => s === 429),
        hint: () => 'Coze is rate-limiting this app: mint less often (one token per job is enough), or try again later',
    },
    {
        label: '4200, HTTP 404',
        matches: (answer) => code('4200')(answer) || answer.status === 404,
        hint: () => 'Nothing was found at that address: check base-url, and account-id or enterprise-id if you set one',
    },
    {
        label: '5000, HTTP 5xx',
        matches: (answer) => code('5000')(answer) || answer.status >= 500,
        hint: () => 'Coze had a server problem and retries did not help; try again later, and quote the log id to Coze support if it persists',
    },
    {
        label: 'HTTP 401 / 403',
        matches: answers_status((s) => s === 401 || s === 403),
        hint: credentialsHint,
    },
];
function knownAnswer(answer) {
    return KNOWN_ANSWERS.find((known) => known.matches(answer));
}
function parseJson(body) {
    try {
        return JSON.parse(body);
    }
    catch {
        // not JSON: no value
    }
}
function asRecord(value) {
    return value instanceof Object && !Array.isArray(value) ? value : undefined;
}
function jsonObject(body) {
    return asRecord(parseJson(body));
}
const MAX_MESSAGE_LENGTH = 300;
/** A JWT, or a Coze token (czs_, pat_, sat_, …) echoed back in an error message, is cut out before it goes anywhere. */
const SECRET_LOOKING = /eyJ[\w-]*\.[\w-]+\.[\w-]*|\b(?:pat|sat|cz[a-z])_[\w-]+/g;
/** Coze's words, made safe for one log line: no control characters, no secrets, bounded length. */
function cleanText(value) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const text = String(value)
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .replace(SECRET_LOOKING, '[redacted]')
        .trim();
    if (text === '')
        return undefined;
    return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}
/** Reads any Coze answer: the token endpoint's error_code / error_message, or the other APIs' code / msg. */
function readAnswer(response) {
    const json = jsonObject(response.body) ?? {};
    const apiCode = json.code === 0 || json.code === '0' ? undefined : cleanText(json.code);
    const code = cleanText(json.error_code) ?? apiCode ?? cleanText(json.error);
    const message = cleanText(json.error_message) ?? cleanText(json.msg) ?? cleanText(json.error_description);
    const location = response.headers.location;
    const refused = response.status < 200 || response.status > 299 || code !== undefined;
    return { status: response.status, refused, ...(code !== undefined && { code }), ...(message !== undefined && { message }), ...(location !== undefined && { location }) };
}
/** Worth another attempt: 408, 429, 5xx, or a documented transient code whatever the HTTP status. */
function isTransient(response) {
    const { status } = response;
    if (status === 408 || status === 429 || status >= 500)
        return true;
    const answer = readAnswer(response);
    return answer.refused && knownAnswer(answer)?.transient === true;
}

;// CONCATENATED MODULE: ./build/src/coze-response.js


const MAX_TOKEN_LIFETIME_SECONDS = 366 * 24 * 3600;
/** What the body is, in words, when it holds no message of Coze's. Never quotes the body. */
function describeBody(response) {
    const type = response.headers['content-type']?.replace(/;.*/, '').trim();
    if (response.body.trim() === '')
        return 'an empty body';
    if (type === 'text/html' || /^\s*</.test(response.body))
        return 'an HTML page (a gateway or proxy answered, not the Coze API)';
    if (jsonObject(response.body))
        return 'a JSON object without an error message';
    try {
        JSON.parse(response.body);
        return 'a JSON body that is not an object';
    }
    catch {
        return type ? `a body that is not JSON (${type})` : 'a body that is not JSON';
    }
}
/**
 * The token exchange's answer: a refusal in any shape (any status with error_code, a non-zero code) is
 * Coze's refusal; a 2xx that is anything but a well-formed token is an error too, so no output is set.
 */
function parseTokenResponse(response, nowMs, context) {
    if (readAnswer(response).refused)
        throw cozeErrorFrom(response, { ...context, what: 'Coze refused the token request' });
    const logId = response.headers['x-tt-logid'];
    const fail = (problem) => {
        throw new CozeError(`Coze answered the token request with ${problem}`, {
            status: response.status,
            ...(logId && { logId }),
            hint: 'No token was set. Check that base-url points at the Coze API (https://api.coze.cn or https://api.coze.com) and not at a proxy or web page',
        });
    };
    const json = jsonObject(response.body);
    if (!json)
        return fail(describeBody(response));
    const token = json.access_token;
    if (typeof token !== 'string' || token.trim() === '')
        return fail('no access_token');
    if (!/^[\x21-\x7e]{1,4096}$/.test(token))
        return fail('an access_token that is not a printable string');
    const expiresAtSeconds = json.expires_in;
    if (!Number.isFinite(expiresAtSeconds))
        return fail('no numeric expires_in');
    const expiresIn = Math.floor(expiresAtSeconds - nowMs / 1000);
    if (expiresIn <= 0)
        return fail('an expires_in that is already past (it is a Unix time; is the runner clock right?)');
    if (expiresIn > MAX_TOKEN_LIFETIME_SECONDS)
        return fail('an expires_in more than a year ahead, which is not a Unix time in seconds');
    return { token, expiresAt: new Date(expiresAtSeconds * 1000), expiresIn, ...(logId && { logId }) };
}
/** A refusal, in any of Coze's shapes, as one actionable CozeError with its words, code, log id and hint. */
function cozeErrorFrom(response, context) {
    const answer = readAnswer(response);
    const said = answer.message ?? (answer.code === undefined ? undefined : `${answer.code}, without a message`);
    const message = said === undefined ? `${context.what} with ${describeBody(response)}` : `${context.what}: ${said}`;
    const logId = response.headers['x-tt-logid'];
    const hint = (answer.code !== undefined && context.hintsByCode?.[answer.code]) || knownAnswer(answer)?.hint(answer, context);
    return new CozeError(message, {
        status: response.status,
        ...(answer.code !== undefined && { code: answer.code }),
        ...(logId && { logId }),
        ...(hint && { hint }),
    });
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./build/src/http.js

const MAX_BODY_BYTES = 1024 * 1024;
class ResponseTooLargeError extends Error {
}
let dispatcher;
/** One agent for every call, honouring HTTP(S)_PROXY / NO_PROXY in either case. */
function proxyDispatcher() {
    dispatcher ??= new undici/* EnvHttpProxyAgent */.J2();
    return dispatcher;
}
/** undici through the proxy settings; redirects are never followed, so a JWT stays with its host. */
const sendRequest = async ({ method, url, headers, body, timeoutMs }) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await (0,undici/* request */.Em)(url, { method, headers, body: body ?? null, signal, dispatcher: proxyDispatcher() });
    const chunks = [];
    let size = 0;
    for await (const chunk of response.body) {
        size += chunk.length;
        // Leaving the loop by throwing destroys the body stream, and with it the connection.
        if (size > MAX_BODY_BYTES)
            throw new ResponseTooLargeError(`the response body exceeds ${MAX_BODY_BYTES} bytes`);
        chunks.push(chunk);
    }
    const flat = {};
    for (const [name, value] of Object.entries(response.headers))
        flat[name] = Array.isArray(value) ? value.join(', ') : value;
    return { status: response.statusCode, headers: flat, body: Buffer.concat(chunks).toString('utf8') };
};

// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js + 9 modules
var sign = __webpack_require__(362);
;// CONCATENATED MODULE: ./build/src/jwt.js

/** Backdate iat so a runner whose clock runs a little ahead is not refused. */
const CLOCK_SKEW_SECONDS = 60;
/** A JWT is spent within seconds; it only needs to outlive one HTTP attempt. */
const JWT_LIFETIME_SECONDS = 600;
async function signJwt(key, params, nowMs, newJwtId) {
    const now = Math.floor(nowMs / 1000);
    // JSON leaves out a session_name that is undefined.
    return new sign/* SignJWT */.P({ session_name: params.sessionName })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: params.publicKeyId })
        .setIssuer(params.appId)
        .setAudience(params.audience)
        .setIssuedAt(now - CLOCK_SKEW_SECONDS)
        .setExpirationTime(now + JWT_LIFETIME_SECONDS)
        .setJti(newJwtId())
        .sign(key);
}

;// CONCATENATED MODULE: ./build/src/retry.js



const BACKOFF = { baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 30_000 };
function deadlineFrom(deadlineMs, nowMs) {
    return { atMs: nowMs + deadlineMs, seconds: deadlineMs / 1000 };
}
const NETWORK_HINT = "Check the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY), and raise timeout-seconds or retries if Coze is slow";
/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs) {
    // A missing or blank header is neither delta-seconds nor a date, so it falls through to undefined.
    const text = value ?? '';
    if (/^\s*\d+\s*$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** Exponential backoff with jitter: retry n waits between half and all of base·2ⁿ, capped. */
function backoffMs(retry, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
    return Math.round(ceiling * (0.5 + random / 2));
}
function delayBeforeRetry(retry, response, policy, deps) {
    const backoff = backoffMs(retry, policy, deps.random());
    const retryAfter = response && parseRetryAfter(response.headers['retry-after'], deps.now());
    return retryAfter === undefined ? backoff : Math.min(policy.maxRetryAfterMs, Math.max(backoff, retryAfter));
}
const attempts = (count) => `${count} attempt${count === 1 ? '' : 's'}`;
function deadlineError(what, deadline, tries, last) {
    return new NetworkError(`${what}: no answer within deadline-seconds (${deadline.seconds} s) after ${attempts(tries)}; the last: ${last}`, 'Raise deadline-seconds, or lower timeout-seconds and retries so that every attempt fits in it, and check the runner\'s network and proxy settings');
}
/**
 * Sends until an answer is final: network errors, timeouts and transient answers (408, 429, 5xx, and Coze's
 * transient codes) are tried again up to policy.retries times, never past the deadline. The last answer is
 * returned as it is; a network failure becomes a NetworkError, at once when trying again cannot help.
 */
async function sendWithRetries(send, what, policy, deps, deadline) {
    let last = 'none was made';
    for (let attempt = 0;; attempt++) {
        const left = deadline.atMs - deps.now();
        if (left <= 0)
            throw deadlineError(what, deadline, attempt, last);
        const timeoutMs = Math.min(policy.timeoutMs, left);
        let response;
        try {
            response = await send(timeoutMs);
        }
        catch (error) {
            if (error instanceof ResponseTooLargeError)
                throw new CozeError(`${what}: ${error.message}, which is no answer this action expects`);
            const failure = describeNetworkError(error);
            // A bug, or a failure to sign, is no network trouble: it is not retried, nor dressed up as one.
            if (!failure)
                throw error;
            if (failure.timedOut && timeoutMs < policy.timeoutMs)
                throw deadlineError(what, deadline, attempt + 1, failure.reason);
            if (failure.final)
                throw new NetworkError(`${what}: ${failure.reason}`, failure.hint);
            if (attempt === policy.retries)
                throw new NetworkError(`${what}: ${failure.reason} (${attempts(attempt + 1)})`, NETWORK_HINT);
            last = failure.reason;
        }
        if (response && (attempt === policy.retries || !isTransient(response)))
            return response;
        const delay = delayBeforeRetry(attempt, response, policy, deps);
        const why = response ? `HTTP ${response.status}` : last;
        if (deps.now() + delay >= deadline.atMs) {
            if (response) {
                deps.log(`${what}: ${why}; no retry, as deadline-seconds (${deadline.seconds} s) leaves no time for one`);
                return response;
            }
            throw deadlineError(what, deadline, attempt + 1, last);
        }
        deps.log(`${what}: ${why}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt + 1} of ${policy.retries})`);
        await deps.sleep(delay);
    }
}
const KNOWN_CODES = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found (DNS)',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    UND_ERR_SOCKET: 'the connection closed before the answer was complete',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_HEADERS_TIMEOUT: 'no answer within timeout-seconds',
    UND_ERR_BODY_TIMEOUT: 'the answer stalled',
};
const TLS_CODES = {
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
const PROXY_HINT = 'The proxy from HTTPS_PROXY / HTTP_PROXY refused to carry the request. If it wants credentials, put them in its URL, HTTPS_PROXY=http://user:pass@host:port (keep that in a secret); otherwise ask its owner to allow the Coze API host, or list the host in NO_PROXY';
const TLS_HINT = "The runner does not trust the certificate. Behind a corporate proxy or firewall that inspects TLS, give Node its CA: set NODE_EXTRA_CA_CERTS to the CA's PEM file in the step's env (or NODE_USE_SYSTEM_CA=1 when the CA is in the system store). Never turn certificate verification off";
/** What went wrong on the way to Coze, in words; undefined when the error is not a network failure at all. */
function describeNetworkError(error) {
    if (!(error instanceof Error))
        return undefined;
    if (error.name === 'TimeoutError' || error.name === 'AbortError') {
        const proxy = /Proxy response \((\d{3})\)/.exec(error.message);
        if (proxy)
            return { reason: `the proxy refused the connection to Coze (HTTP ${proxy[1]})`, final: true, timedOut: false, hint: PROXY_HINT };
        return { reason: 'no complete answer within timeout-seconds', final: false, timedOut: true };
    }
    const cause = error.cause;
    const code = error.code ?? cause?.code;
    if (!code)
        return undefined;
    const proxy = /Proxy Authentication Required \((\d{3})\)/.exec(error.message);
    if (proxy)
        return { reason: `the proxy refused the request (HTTP ${proxy[1]}: it wants credentials)`, final: true, timedOut: false, hint: PROXY_HINT };
    const tls = TLS_CODES[code];
    if (tls)
        return { reason: `TLS certificate verification failed: ${tls} (${code})`, final: true, timedOut: false, hint: TLS_HINT };
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
        return { reason: KNOWN_CODES[code], final: false, timedOut: true };
    return { reason: KNOWN_CODES[code] ?? `the request failed (${code})`, final: false, timedOut: false };
}

;// CONCATENATED MODULE: ./build/package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./build/src/version.js

const VERSION = package_namespaceObject.rE;
const USER_AGENT = `coze-token-action/${VERSION} node/${process.versions.node}`;

;// CONCATENATED MODULE: ./build/src/mint.js







const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
function defaultDeps(overrides = {}) {
    return {
        send: sendRequest,
        newJwtId: () => (0,external_node_crypto_.randomBytes)(18).toString('base64url'),
        onSecret: () => { },
        userAgent: USER_AGENT,
        sleep: (ms) => (0,external_node_timers_promises_.setTimeout)(ms),
        random: Math.random,
        now: Date.now,
        log: () => { },
        ...overrides,
    };
}
function retryPolicy(config) {
    return { retries: config.retries, timeoutMs: config.timeoutMs, ...BACKOFF };
}
function tokenUrl(config) {
    const scoped = config.accountId !== undefined
        ? `/account/${encodeURIComponent(config.accountId)}`
        : config.enterpriseId !== undefined
            ? `/enterprise_id/${encodeURIComponent(config.enterpriseId)}`
            : '';
    return `${config.baseUrl}/api/permission/oauth2${scoped}/token`;
}
/** Signs a fresh JWT for every attempt and trades it for an access token, all before the deadline. */
async function mintToken(config, deps, deadline = deadlineFrom(config.deadlineMs, deps.now())) {
    const url = tokenUrl(config);
    const body = JSON.stringify({
        grant_type: JWT_BEARER_GRANT,
        duration_seconds: config.durationSeconds,
        ...(config.scope && { scope: config.scope }),
    });
    const attempt = async (timeoutMs) => {
        const jwt = await signJwt(config.privateKey, config, deps.now(), deps.newJwtId);
        deps.onSecret(jwt);
        const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json', accept: 'application/json', 'user-agent': deps.userAgent };
        return deps.send({ method: 'POST', url, headers, body, timeoutMs });
    };
    const response = await sendWithRetries(attempt, `Token request to ${url}`, retryPolicy(config), deps, deadline);
    return parseTokenResponse(response, deps.now(), config);
}

;// CONCATENATED MODULE: ./build/src/summary.js
function configReport(config) {
    return { appId: config.appId, baseUrl: config.baseUrl, audience: config.audience, ...(config.sessionName && { sessionName: config.sessionName }) };
}
function mintedReport(minted) {
    return { expires: `${minted.expiresAt.toISOString()} (in ${formatDuration(minted.expiresIn)})`, ...(minted.logId && { logId: minted.logId }) };
}
function verifiedReport(verification) {
    const { logId, userId, userName } = verification;
    return { verification: 'accepted', ...(logId && { logId }), ...(userId && { userId }), ...(userName && { userName }) };
}
function formatDuration(totalSeconds) {
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    const parts = [hours && `${hours} h`, minutes && `${minutes} min`, (seconds || totalSeconds === 0) && `${seconds} s`];
    return parts.filter(Boolean).join(' ');
}
function escapeHtml(text) {
    return text.replace(/[&<>"'|@]/g, (c) => `&#${c.charCodeAt(0)};`);
}
const VERIFICATION = {
    accepted: '✅ /v1/users/me accepted the token',
    refused: '❌ Coze refused the token',
    'no-answer': '⚠️ no answer from Coze, so not known (network)',
};
function summaryRows(report) {
    const verification = report.verification === undefined ? (report.problem === undefined ? 'not asked (verify: false)' : undefined) : VERIFICATION[report.verification];
    const user = report.userName && report.userId ? `${report.userName} (${report.userId})` : (report.userName ?? report.userId);
    const rows = [
        ['Result', report.problem === undefined ? '✅ token minted' : '❌ failed'],
        ['App id', report.appId],
        ['Base URL', report.baseUrl],
        ['Audience', report.audience],
        ['Session name', report.sessionName],
        ['Token expires', report.expires],
        ['Verification', verification],
        ['User', user],
        ['Log id (x-tt-logid)', report.logId],
        ['Error', report.problem],
        ['What to do', report.hint],
    ];
    return rows.filter((row) => row[1] !== undefined);
}
async function writeSummary(summary, report) {
    const rows = summaryRows(report).map(([name, value]) => [{ data: name, header: true }, escapeHtml(value)]);
    await summary.addHeading('Coze access token', 3).addTable(rows).write();
}

;// CONCATENATED MODULE: ./build/src/verify.js




const HINTS = {
    '4100': 'Coze refused the new token itself: the app may have been disabled or its key revoked; mint again, and check the OAuth app in the Coze console',
    '4101': 'The token works, but the app lacks the permission this check needs: grant the OAuth app the user-profile permission in the Coze console and authorise it again, or turn verify off',
};
/** Proves a token works with a cheap authenticated call, GET /v1/users/me. */
async function verifyToken(token, config, deps, deadline = deadlineFrom(config.deadlineMs, deps.now())) {
    const url = `${config.baseUrl}/v1/users/me`;
    const headers = { authorization: `Bearer ${token}`, accept: 'application/json', 'user-agent': deps.userAgent };
    const send = (timeoutMs) => deps.send({ method: 'GET', url, headers, timeoutMs });
    const response = await sendWithRetries(send, `Verification call to ${url}`, retryPolicy(config), deps, deadline);
    const json = jsonObject(response.body);
    if (readAnswer(response).refused || json?.code !== 0) {
        throw cozeErrorFrom(response, { what: 'Coze refused the new token in the check call to /v1/users/me', baseUrl: config.baseUrl, hintsByCode: HINTS });
    }
    const user = asRecord(json.data) ?? {};
    const [logId, userId, userName] = [response.headers['x-tt-logid'], cleanText(user.user_id), cleanText(user.user_name)];
    return { ...(logId && { logId }), ...(userId && { userId }), ...(userName && { userName }) };
}

;// CONCATENATED MODULE: ./build/src/cli.js








const EXIT = { ok: 0, refused: 1, badInput: 2, network: 3 };
const HELP = `coze-token ${VERSION}: mint a short-lived Coze access token from a JWT OAuth app.

Usage:
  coze-token mint  [options]   print the token (with --json: {"token","expiresAt","expiresIn"})
  coze-token check [options]   mint, prove the token works with /v1/users/me, print a summary
                               (never the token)

Options, and the environment variables they may come from instead:
  --app-id ID               the OAuth app's id                        COZE_APP_ID
  --public-key-id ID        the public key's fingerprint (公钥指纹)    COZE_PUBLIC_KEY_ID
  --private-key-file PATH   the app's private key, PEM                COZE_PRIVATE_KEY_FILE
  --private-key -           read the private key from standard input  COZE_PRIVATE_KEY (the PEM)
  --base-url URL            https://api.coze.cn (default)             COZE_API_BASE
                            or https://api.coze.com
  --audience AUD            the JWT's aud (default: the host of --base-url)
  --duration-seconds N      token lifetime, 1 to 86399 (default 900)
  --session-name NAME       the JWT's session_name
  --scope JSON              a JSON object sent as the request's scope
  --account-id ID           an organisation id: use /api/permission/oauth2/account/{id}/token
  --enterprise-id ID        an enterprise id (volcano_...): use its endpoint; not with --account-id
  --timeout-seconds N       limit for one HTTP attempt (default 30)
  --deadline-seconds N      limit for the whole command, every attempt and wait (default 120)
  --retries N               extra attempts after network errors, 408, 429, 5xx (default 3)
  --json                    mint: print JSON instead of the bare token
  -h, --help                this text
  --version                 the version

Exit codes: 0 ok, 1 refused by Coze, 2 bad input, 3 network (Coze not reached or no answer in time).

Examples:
  coze-token check --app-id 1183520381944 --public-key-id "$KID" --private-key-file private_key.pem
  export COZE_API_TOKEN="$(coze-token mint --private-key - < private_key.pem)"
`;
const OPTION_NAMES = ['app-id', 'public-key-id', 'base-url', 'audience', 'duration-seconds', 'session-name', 'scope', 'account-id', 'enterprise-id', 'timeout-seconds', 'deadline-seconds', 'retries'];
const ENV_NAMES = { 'app-id': 'COZE_APP_ID', 'public-key-id': 'COZE_PUBLIC_KEY_ID', 'base-url': 'COZE_API_BASE' };
async function runCli(argv, io, deps) {
    let command;
    try {
        const { values, positionals } = parseCommandLine(argv);
        if (values.help)
            return (io.out(HELP), EXIT.ok);
        if (values.version)
            return (io.out(`${VERSION}\n`), EXIT.ok);
        const [named] = positionals;
        if (positionals.length !== 1 || (named !== 'mint' && named !== 'check')) {
            throw new InputError('command', 'expected mint or check (coze-token --help lists the options)');
        }
        command = named;
        const options = values;
        const privateKey = await readPrivateKey(options['private-key'], options['private-key-file'], io);
        const config = readMintConfig((name) => (name === 'private-key' ? privateKey : (options[name] ?? io.env[ENV_NAMES[name] ?? ''] ?? '')));
        const deadline = deadlineFrom(config.deadlineMs, deps.now());
        const minted = await mintToken(config, deps, deadline);
        if (command === 'mint') {
            const { token, expiresAt, expiresIn } = minted;
            io.out(options.json ? `${JSON.stringify({ token, expiresAt: expiresAt.toISOString(), expiresIn })}\n` : `${token}\n`);
            return EXIT.ok;
        }
        const verification = await verifyToken(minted.token, config, deps, deadline);
        io.out(formatRows({ ...configReport(config), ...mintedReport(minted), ...verifiedReport(verification) }));
        return EXIT.ok;
    }
    catch (error) {
        const { problem, hint } = explainError(error);
        io.err(`coze-token${command ? ` ${command}` : ''}: ${problem}\n${hint ? `hint: ${hint}\n` : ''}`);
        return exitCodeFor(error);
    }
}
function parseCommandLine(argv) {
    const keyFlag = argv.findIndex((arg) => arg === '--private-key' || arg.startsWith('--private-key='));
    const keyValue = keyFlag === -1 ? '-' : argv[keyFlag] === '--private-key' ? argv[keyFlag + 1] : argv[keyFlag].slice('--private-key='.length);
    if (keyValue !== '-') {
        throw new InputError('private-key', 'takes only - (read the key from standard input); a key on the command line would land in shell history and process lists. Use --private-key-file or COZE_PRIVATE_KEY');
    }
    try {
        return (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            options: {
                ...Object.fromEntries(OPTION_NAMES.map((name) => [name, { type: 'string' }])),
                'private-key': { type: 'string' },
                'private-key-file': { type: 'string' },
                json: { type: 'boolean' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean' },
            },
        });
    }
    catch (error) {
        // parseArgs names the option, never its value; its first sentence is enough.
        const sentence = error.message.split('. ')[0];
        throw new InputError('arguments', `${sentence}; coze-token --help lists the options`);
    }
}
function exitCodeFor(error) {
    if (error instanceof InputError)
        return EXIT.badInput;
    if (error instanceof NetworkError)
        return EXIT.network;
    return EXIT.refused;
}
async function readPrivateKey(flag, file, io) {
    if (flag === '-')
        return io.readStdin();
    const path = file ?? io.env.COZE_PRIVATE_KEY_FILE;
    if (path) {
        try {
            return await io.readFile(path);
        }
        catch {
            throw new InputError('private-key-file', 'expected a readable file holding the PEM private key');
        }
    }
    return io.env.COZE_PRIVATE_KEY ?? '';
}
function formatRows(report) {
    const rows = summaryRows(report);
    const width = Math.max(...rows.map(([name]) => name.length));
    return `${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`;
}

;// CONCATENATED MODULE: ./build/src/cli-process.js




/** The coze-token command wired to this process: argv, environment, stdio, exit code. */
async function main() {
    process.exitCode = await runCli(process.argv.slice(2), {
        env: process.env,
        readStdin: () => (0,consumers_.text)(process.stdin),
        readFile: (path) => (0,promises_.readFile)(path, 'utf8'),
        out: (chunk) => process.stdout.write(chunk),
        err: (chunk) => process.stderr.write(chunk),
    }, defaultDeps({ log: (message) => process.stderr.write(`${message}\n`) }));
}


/***/ })

};
