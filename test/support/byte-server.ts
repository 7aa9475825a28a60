// A server on 127.0.0.1 that answers each request with whatever bytes a test generates: a well-formed HTTP answer
// with hostile parts, an answer cut short or framed wrongly, or bytes that are no HTTP at all. The request is read
// whole first (so the answer is never a reaction to a half-sent body), the answer is written raw on the socket, and
// the connection ends with it: nothing a generated answer does can carry over into the next request.
import { type AddressInfo, createServer, type Socket } from 'node:net';
import fc from 'fast-check';

export interface RawRequest {
  method: string;
  target: string;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
}

/** How an HTTP answer's body is framed: right, or wrong in one of the ways a broken server gets it wrong. */
export type Framing = 'length' | 'close' | 'chunked' | 'length-too-long' | 'length-too-short';

/**
 * A body: text as it is, JSON built from a value, or text past the client's 1 MiB limit. In any string of it,
 * {{auth}} stands for the request's Authorization header and {{bearer}} for its credential alone (a server that
 * echoes the JWT or the token back); in JSON, {"$inSeconds": n} stands for the Unix time n seconds from now.
 */
export type BodySpec = { text: string } | { json: unknown } | { huge: true };

export type Reply =
  | {
      kind: 'http';
      status: number;
      reason: string;
      headers: Array<[string, string]>;
      body: BodySpec;
      /** latin1 writes C1 and other U+0080–U+00FF characters as single bytes, which are no UTF-8. */
      encoding: 'utf8' | 'latin1';
      framing: Framing;
    }
  /** Bytes as they are, HTTP or not. */
  | { kind: 'raw'; bytes: number[] }
  /** The connection reset without an answer. */
  | { kind: 'reset' }
  /** The connection closed without an answer. */
  | { kind: 'close' }
  /** No answer ever: the client's timeout has to end it. */
  | { kind: 'hold' };

/** The credential of an Authorization header: the JWT, the token or the github-token. */
export function credentialOf(authorization: string | undefined): string | undefined {
  return /^(?:Bearer|token)\s+(\S+)$/i.exec(authorization ?? '')?.[1];
}

function renderText(text: string, request: RawRequest): string {
  return text
    .replaceAll('{{auth}}', request.headers.authorization ?? '')
    .replaceAll('{{bearer}}', credentialOf(request.headers.authorization) ?? '');
}

function renderJson(value: unknown, request: RawRequest, nowSeconds: number): unknown {
  if (typeof value === 'string') return renderText(value, request);
  if (Array.isArray(value)) return value.map((item) => renderJson(item, request, nowSeconds));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$inSeconds === 'number' && Object.keys(record).length === 1)
      return nowSeconds + record.$inSeconds;
    return Object.fromEntries(
      Object.entries(record).map(([name, item]) => [name, renderJson(item, request, nowSeconds)]),
    );
  }
  return value;
}

/** The body's text for this request, placeholders filled in. */
export function renderBody(body: BodySpec, request: RawRequest, nowSeconds = Math.floor(Date.now() / 1000)): string {
  if ('huge' in body) return `{"padding":"${'x'.repeat(1024 * 1024 + 1)}"}`;
  if ('text' in body) return renderText(body.text, request);
  return JSON.stringify(renderJson(body.json, request, nowSeconds));
}

/** An HTTP reply as the bytes on the wire. Every one says Connection: close, so no client reuses the connection. */
export function httpBytes(reply: Extract<Reply, { kind: 'http' }>, request: RawRequest): Buffer {
  const body = Buffer.from(renderBody(reply.body, request), reply.encoding);
  const lines = [
    `HTTP/1.1 ${reply.status} ${reply.reason}`,
    'connection: close',
    ...reply.headers.map(([name, value]) => `${name}: ${renderText(value, request)}`),
  ];
  let payload = body;
  if (reply.framing === 'length') lines.push(`content-length: ${body.length}`);
  if (reply.framing === 'length-too-long') lines.push(`content-length: ${body.length + 7}`);
  if (reply.framing === 'length-too-short') lines.push(`content-length: ${Math.max(0, body.length - 3)}`);
  if (reply.framing === 'chunked') {
    lines.push('transfer-encoding: chunked');
    payload = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

/** Reads one request (head, then a body by content-length or chunks) off the bytes so far; undefined until whole. */
function parseRequest(data: Buffer): RawRequest | undefined {
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [start = '', ...fields] = data.subarray(0, end).toString('latin1').split('\r\n');
  const [method = '', target = ''] = start.split(' ');
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(':');
    if (colon > 0) headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
  }
  const rest = data.subarray(end + 4);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    if (rest.indexOf('0\r\n\r\n') < 0) return undefined;
    return { method, target, headers, body: rest.toString('utf8') };
  }
  const length = Number(headers['content-length'] ?? '0');
  if (rest.length < length) return undefined;
  return { method, target, headers, body: rest.subarray(0, length).toString('utf8') };
}

/** A held connection is dropped after this long at most, so that a test that forgets one cannot hang. */
const HOLD_LIMIT_MS = 15_000;

export async function startByteServer(initial: (request: RawRequest) => Reply = () => ({ kind: 'close' })) {
  let answer = initial;
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A client that gives up (a timeout, a reset) is no failure of the server.
    socket.on('error', () => socket.destroy());
    let data = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      if (answered) return;
      data = Buffer.concat([data, chunk]);
      const request = parseRequest(data);
      if (!request) return;
      answered = true;
      requests.push(request);
      const reply = answer(request);
      switch (reply.kind) {
        case 'http':
          socket.end(httpBytes(reply, request));
          return;
        case 'raw':
          socket.end(Buffer.from(reply.bytes));
          return;
        case 'reset':
          socket.resetAndDestroy();
          return;
        case 'close':
          socket.end();
          return;
        case 'hold':
          socket.setTimeout(HOLD_LIMIT_MS, () => socket.destroy());
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** How the next requests are answered. */
    answerWith: (next: (request: RawRequest) => Reply) => void (answer = next),
    /** Answers the next requests with these replies in order, then with `rest`. */
    answerInOrder: (replies: readonly Reply[], rest: Reply = { kind: 'close' }) => {
      const queue = [...replies];
      answer = () => queue.shift() ?? rest;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type ByteServer = Awaited<ReturnType<typeof startByteServer>>;

// What a hostile or broken server says: text with every kind of character the code must neutralise.

const BIDI_AND_SEPARATORS = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u2028',
  '\u2029',
  '\ufeff',
];

/** Pieces that mean something to a runner, a terminal, the summary, our own terms, or a reader of the log. */
export const HOSTILE_FRAGMENTS = [
  '\n::error::injected',
  '\r\n::add-mask::x',
  '\r::warning::w',
  '::error::at-start',
  ' ::debug::spaced',
  '##[set-output name=token;]forged',
  '##[stop-commands]halt',
  '##[error]legacy',
  '%0A::error::escaped',
  '⟦base-url=https://evil.example⟧',
  '⟦evil-name⟧',
  '⟦app-id⟧',
  '⟦',
  '⟧',
  '\u0000',
  '\u001b[31m',
  '\u009b31m',
  '\u0085',
  '\u00a0',
  '\t',
  '`',
  '|',
  '<b>x</b>',
  '@octocat',
  '#1',
  '\n    at run (file.js:1:1)',
  'Unexpected error',
  'kid not been registred',
  'invalid_client',
  'internal_error',
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
  'pat_abcdefghijklmnopqrstu',
  '{{auth}}',
  '{{bearer}}',
  // Glued to a word, past any rule that finds tokens by their shape at a word boundary.
  'x{{bearer}}',
  ...BIDI_AND_SEPARATORS,
];

/** One character: mostly printable ASCII, often a C0 or C1 control, sometimes bidi or any Unicode. */
export const anyChar = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.constantFrom(...BIDI_AND_SEPARATORS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** Text made of generated characters and hostile fragments (and `extra` ones, such as the test's own secrets). */
export function hostileText(extra: readonly string[] = [], maxParts = 6, fragmentWeight = 2): fc.Arbitrary<string> {
  const fragment = fc.constantFrom(...HOSTILE_FRAGMENTS, ...extra);
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: anyChar, maxLength: 10 }) },
        { weight: fragmentWeight, arbitrary: fragment },
      ),
      {
        maxLength: maxParts,
      },
    )
    .map((parts) => parts.join(''));
}

/** A header value as bytes on the wire (latin1): mostly legal, sometimes CR, LF or NUL, which break the framing. */
export const headerValue = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)),
      maxLength: 40,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{{bearer}}',
      'czs_{{bearer}}',
      '20261128-abc_DEF',
      'x'.repeat(65),
      '\t value \t',
      'a\r\n::error::split',
      'a\nb',
      'a\u0000b',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constant('v'.repeat(20_000)) },
);

export const headerName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'x-tt-logid',
      'content-type',
      'retry-after',
      'location',
      'content-encoding',
      'www-authenticate',
      'link',
      'set-cookie',
      'x-ratelimit-remaining',
      'deprecation',
      'sunset',
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/) },
);

/** Bytes that are no HTTP answer, or start like one and go wrong. */
export const garbageBytes: fc.Arbitrary<number[]> = fc
  .oneof(
    fc.uint8Array({ maxLength: 200 }).map((bytes) => [...bytes]),
    fc.constantFrom(
      '::error::not http\r\n',
      '\u0000\u0000\u0000',
      'HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n::error::x',
      'HTTP/1.1 200 OK\r\n::add-mask::x\r\n\r\n{}',
      'HTTP/1.1 200\r\n\r\n',
      'HTTP/1.1 999 Nine\r\n\r\n{}',
      'HTTP/1.1 -1 Minus\r\n\r\n',
      'HTTP/2 200\r\n\r\n',
      'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n',
      'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n',
      'HTTP/1.1 100 Continue\r\n\r\n',
      `HTTP/1.1 200 OK\r\nx-long: ${'a'.repeat(70_000)}\r\n\r\n{}`,
      'HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\n{}',
      'HTTP/1.1 200 \u0085OK\r\ncontent-type: application/json\r\n\r\n{"access_token":"\u0085"}',
      '<html><body>gateway</body></html>',
    ),
    fc
      .tuple(fc.uint8Array({ maxLength: 60 }), fc.constantFrom('\r\n', '\n', '\r\n\r\n'))
      .map(([bytes, end]) => `HTTP/1.1 200 OK\r\n${Buffer.from(bytes).toString('latin1')}${end}`),
  )
  .map((value) => (typeof value === 'string' ? [...Buffer.from(value, 'latin1')] : value));

// What a runner takes for a workflow command, as actions/runner parses each line of a step's stdout.

export const RUNNER_COMMANDS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
];

const registered = (name: string) => RUNNER_COMMANDS.includes(name.toLowerCase());

/**
 * The command a runner reads in one line of stdout, if any: `::name ...::data` once leading space is trimmed,
 * else the legacy `##[name ...]data` at its first `##[` anywhere in the line.
 */
export function runnerCommand(line: string): string | undefined {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    const name = end < 0 ? '' : (trimmed.slice(2, end).split(' ')[0] ?? '');
    if (registered(name)) return name.toLowerCase();
  }
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  const name = close < 0 ? '' : (line.slice(prefix + 3, close).split(' ')[0] ?? '');
  return registered(name) ? name.toLowerCase() : undefined;
}

/** Lines as the runner splits stdout (a lone CR ends a line too). */
export const runnerLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

// Answers in the shapes Coze and GitHub use, with every field generated: what each parser of ours has to take.

const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
const latin1 = fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code));
const safeHeaderValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 30,
});

export type HttpReply = Extract<Reply, { kind: 'http' }>;

/** A reply that is a well-formed token, and so must give one; `token` is the access_token it carries. */
export interface TokenReply {
  reply: HttpReply;
  token: string;
}

/**
 * Generated replies for a test whose secrets are `extra` (they appear in the text, as a server that echoes them
 * would write them). `any` is any reply at all, Coze-shaped or GitHub-shaped or no HTTP.
 */
export function replyArbitraries(extra: readonly string[] = [], { fragmentWeight = 2 } = {}) {
  const text = hostileText(extra, 6, fragmentWeight);
  /** Only hostile fragments, one to three. */
  const dangerous = fc
    .array(fc.constantFrom(...HOSTILE_FRAGMENTS, ...extra), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.join(''));
  const scalar = fc.oneof(
    { weight: 5, arbitrary: text },
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    { weight: 2, arbitrary: dangerous },
    fc.constantFrom(
      0,
      '0',
      4000,
      '4100',
      4101,
      4009,
      4102,
      'internal_error',
      'access_deny',
      'invalid_client',
      'invalid_request',
      '',
      ' ',
    ),
    // Names every plain object has: a lookup by Coze's code in an object literal finds these.
    fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'),
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: scalar },
    fc.array(scalar, { maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 2 }),
  );
  const accessToken = fc.oneof(
    fc.stringMatching(/^(czs|pat|sat)_[A-Za-z0-9_-]{20,50}$/),
    fc.string({ unit: printable, maxLength: 40 }),
    text,
    value,
    fc.constant('t'.repeat(4097)),
  );
  const expiresIn = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -3600, max: 400 * 86400 }).map((seconds) => ({ $inSeconds: seconds })) },
    value,
    fc.constantFrom(1e300, -1, 0, '900'),
  );
  const cozeObject = fc.record(
    {
      error_code: value,
      error_message: value,
      msg: value,
      code: value,
      error: value,
      error_description: value,
      access_token: accessToken,
      expires_in: expiresIn,
      token_type: value,
      data: fc.oneof(value, fc.record({ user_id: value, user_name: value }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );
  const cozeBody: fc.Arbitrary<BodySpec> = fc.oneof(
    { weight: 6, arbitrary: cozeObject.map((json) => ({ json })) },
    { weight: 2, arbitrary: text.map((body) => ({ text: body })) },
    fc.json({ maxDepth: 2 }).map((body) => ({ text: body })),
    text.map((title) => ({ text: `<html><title>${title}</title></html>` })),
    fc.constantFrom(
      { text: '' },
      { text: '   ' },
      { text: 'null' },
      { text: '[]' },
      { text: '"czs_abcdefghijklmnopqrstuvwxyz"' },
    ),
    cozeObject.map((json) => ({ text: `\ufeff${JSON.stringify(json)}` })),
    cozeObject.map((json) => ({ json: [json] })),
  );

  const issue = fc.record(
    {
      number: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 1, max: 40 }) }, value, fc.constant(2 ** 53)),
      // MARK-1 is what the tests' alert looks for; 41898282 is the token's own identity.
      body: fc.oneof(text, { weight: 2, arbitrary: text.map((body) => `${body}MARK-1`) }, fc.constant(null), value),
      pull_request: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant({ url: 'x' })),
      user: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            id: fc.constantFrom(41898282, 41898282, 6660666, '41898282', 41898282.5),
            login: fc.constantFrom('github-actions[bot]', 'mallory'),
          }),
        },
        fc.constant(null),
        value,
      ),
      labels: fc.oneof(
        fc.array(
          fc.oneof(
            fc.record({ name: fc.constantFrom('coze-token-check', 'bug') }),
            fc.constant('coze-token-check'),
            fc.constant(null),
            value,
          ),
          {
            maxLength: 2,
          },
        ),
        value,
      ),
    },
    { requiredKeys: [] },
  );
  /** GitHub's bodies by call: the issue listing, the GraphQL viewer, a created issue, an error. */
  /** An entry of the right types that may still not be ours: someone else's, a pull request, unlabelled, not the alert. */
  const plausibleIssue = fc.record(
    {
      number: fc.integer({ min: 1, max: 40 }),
      body: fc.oneof(
        text,
        text.map((body) => `${body}MARK-1`),
        fc.constant(null),
      ),
      pull_request: fc.constantFrom(undefined, null, { url: 'x' }),
      user: fc.record({
        id: fc.constantFrom(41898282, 6660666),
        login: fc.constantFrom('github-actions[bot]', 'mallory'),
      }),
      labels: fc.array(fc.record({ name: fc.constantFrom('coze-token-check', 'bug') }), { maxLength: 2 }),
    },
    { requiredKeys: ['number', 'body', 'user'] },
  );
  const listingBody: fc.Arbitrary<BodySpec> = fc.oneof(
    { weight: 4, arbitrary: fc.array(plausibleIssue, { minLength: 1, maxLength: 4 }).map((json) => ({ json })) },
    { weight: 2, arbitrary: fc.array(issue, { maxLength: 4 }).map((json) => ({ json })) },
    fc.constant({
      json: Array.from({ length: 100 }, (_, i) => ({ number: i + 1, body: 'unrelated', user: { id: 6660666 } })),
    }),
  );
  const viewerBody: fc.Arbitrary<BodySpec> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({
          login: fc.oneof(fc.constantFrom('github-actions[bot]', 'octo-cat', 'x'.repeat(40)), text, value),
          databaseId: fc.oneof(fc.constant(41898282), value),
        })
        .map((viewer) => ({ json: { data: { viewer } } })),
    },
    fc.oneof(text, value).map((message) => ({ json: { errors: [{ message }] } })),
    fc.constantFrom({ json: { data: null } }, { json: { data: { viewer: null } } }),
  );
  const createdBody: fc.Arbitrary<BodySpec> = fc
    .oneof(fc.integer({ min: 1, max: 99 }), value)
    .map((number) => ({ json: { number } }));
  const errorBody: fc.Arbitrary<BodySpec> = fc
    .record({ message: fc.oneof(text, value), documentation_url: fc.oneof(text, value) }, { requiredKeys: [] })
    .map((json) => ({ json }));
  const githubBody: fc.Arbitrary<BodySpec> = fc.oneof(
    listingBody,
    viewerBody,
    createdBody,
    errorBody,
    text.map((body) => ({ text: body })),
    value.map((json) => ({ json })),
  );

  const status = fc.oneof(
    fc.integer({ min: 100, max: 599 }),
    fc.constantFrom(200, 200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 407, 408, 422, 429, 500, 502, 503),
  );
  const http = (
    body: fc.Arbitrary<BodySpec>,
    headers = fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
  ): fc.Arbitrary<HttpReply> =>
    fc.record({
      kind: fc.constant('http' as const),
      status,
      reason: fc.oneof(fc.constantFrom('OK', 'Whatever', ''), fc.string({ unit: latin1, maxLength: 20 })),
      headers,
      body,
      encoding: fc.constantFrom('utf8' as const, 'utf8' as const, 'latin1' as const),
      framing: fc.constantFrom<Framing>(
        'length',
        'length',
        'length',
        'close',
        'chunked',
        'length-too-long',
        'length-too-short',
      ),
    });
  const jsonHeaders = fc
    .array(fc.tuple(headerName, headerValue), { maxLength: 3 })
    .map((rest): Array<[string, string]> => [['content-type', 'application/json; charset=utf-8'], ...rest]);

  const validToken: fc.Arbitrary<TokenReply> = fc
    .record({
      status: fc.constantFrom(200, 201, 203),
      headers: fc.array(
        fc.tuple(
          fc.constantFrom('x-tt-logid', 'content-type', 'x-request-id'),
          fc.oneof(safeHeaderValue, fc.constant('{{bearer}}')),
        ),
        {
          maxLength: 3,
        },
      ),
      token: fc.oneof(
        fc.stringMatching(/^czs_[A-Za-z0-9_-]{20,50}$/),
        fc.string({ unit: printable, minLength: 16, maxLength: 60 }),
      ),
      expiresIn: fc.integer({ min: 60, max: 86399 }),
      extra: fc.record({ msg: text, code: fc.constant(0), token_type: fc.constant('Bearer') }, { requiredKeys: [] }),
      framing: fc.constantFrom<Framing>('length', 'close', 'chunked'),
    })
    // A token that holds a placeholder would be rewritten on the way out; no real token has braces.
    .filter(({ token }) => !token.includes('{{'))
    .map(({ status, headers, token, expiresIn, extra, framing }) => ({
      token,
      reply: {
        kind: 'http',
        status,
        reason: 'OK',
        headers,
        body: { json: { ...extra, access_token: token, expires_in: { $inSeconds: expiresIn } } },
        encoding: 'utf8',
        framing,
      },
    }));
  const validUser: fc.Arbitrary<HttpReply> = fc
    .record(
      {
        user_id: fc.oneof(fc.stringMatching(/^\d{1,19}$/), text, value),
        user_name: fc.oneof(text, value, dangerous),
        nick_name: text,
      },
      { requiredKeys: [] },
    )
    .map((data) => ({
      kind: 'http',
      status: 200,
      reason: 'OK',
      headers: [['content-type', 'application/json']],
      body: { json: { code: 0, msg: '', data } },
      encoding: 'utf8',
      framing: 'length',
    }));

  /** A body that is no JSON, under a generated content-type: what a gateway or a misconfigured server sends. */
  const notJson: fc.Arbitrary<HttpReply> = fc.record({
    kind: fc.constant('http' as const),
    status,
    reason: fc.constant('OK'),
    headers: fc
      .tuple(headerValue, fc.array(fc.tuple(headerName, headerValue), { maxLength: 2 }))
      .map(([type, rest]): Array<[string, string]> => [['content-type', type], ...rest]),
    body: fc.oneof(
      text.map((body) => ({ text: `x${body}` })),
      fc.constantFrom({ text: '\ufeff{}' }, { text: 'OK' }, { text: '{"a":' }),
    ),
    encoding: fc.constantFrom('utf8' as const, 'latin1' as const),
    framing: fc.constant<Framing>('length'),
  });

  const raw: fc.Arbitrary<Reply> = garbageBytes.map((bytes) => ({ kind: 'raw', bytes }));
  const cut: fc.Arbitrary<Reply> = fc.constantFrom<Reply>({ kind: 'reset' }, { kind: 'close' });
  /** A body past the client's 1 MiB limit. */
  const huge: fc.Arbitrary<Reply> = fc.constant<Reply>({
    kind: 'http',
    status: 200,
    reason: 'OK',
    headers: [['content-type', 'application/json']],
    body: { huge: true },
    encoding: 'utf8',
    framing: 'length',
  });
  const coze = http(cozeBody, fc.oneof(jsonHeaders, fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 })));
  const github = http(githubBody, jsonHeaders);
  /** Headers of a well-formed GitHub answer: JSON, sometimes with a deprecation notice whose sunset and link are hostile. */
  const lineSafe = fc
    .oneof(headerValue, fc.constantFrom(...HOSTILE_FRAGMENTS))
    .filter((value) => !/[\r\n\0]/.test(value));
  const githubHeaders = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constant<Array<[string, string]>>([['content-type', 'application/json; charset=utf-8']]),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(lineSafe, lineSafe).map(
        ([sunset, link]): Array<[string, string]> => [
          ['content-type', 'application/json; charset=utf-8'],
          ['deprecation', 'true'],
          ['sunset', sunset],
          ['link', `<${link}>; rel="deprecation"`],
        ],
      ),
    },
  );
  /** A reply to one GitHub call: mostly 200 with the call's own body shape, else any GitHub-shaped reply or none. */
  const githubCall = (body: fc.Arbitrary<BodySpec>): fc.Arbitrary<Reply> =>
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .tuple(http(body, githubHeaders), fc.constantFrom(200, 200, 200, 201))
          .map(([reply, ok]): Reply => ({ ...reply, status: ok, reason: 'OK', framing: 'length' })),
      },
      { weight: 3, arbitrary: github as fc.Arbitrary<Reply> },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: cut },
    );
  return {
    text,
    value,
    cozeBody,
    githubBody,
    validToken,
    validUser,
    notJson,
    /** Coze-shaped HTTP replies with any status, headers and body. */
    coze,
    /** GitHub-shaped HTTP replies. */
    github,
    /** Replies to each GitHub call, the call's own shape most often. */
    githubCalls: {
      viewer: githubCall(viewerBody),
      listing: githubCall(listingBody),
      created: githubCall(createdBody),
      other: githubCall(
        fc.oneof(
          errorBody,
          value.map((json) => ({ json })),
        ),
      ),
    },
    raw,
    cut,
    huge,
    /** Any reply but a held connection. */
    any: fc.oneof(
      { weight: 2, arbitrary: validToken.map(({ reply }) => reply as Reply) },
      { weight: 1, arbitrary: validUser as fc.Arbitrary<Reply> },
      { weight: 5, arbitrary: coze as fc.Arbitrary<Reply> },
      { weight: 1, arbitrary: notJson as fc.Arbitrary<Reply> },
      { weight: 3, arbitrary: github as fc.Arbitrary<Reply> },
      { weight: 2, arbitrary: raw },
      { weight: 1, arbitrary: cut },
    ),
  };
}
