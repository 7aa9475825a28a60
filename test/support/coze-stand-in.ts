import { type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { decodeProtectedHeader, jwtVerify } from 'jose';

/** How the stand-in should misbehave on the next token (or users/me) request. */
export type Fault =
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'reset-mid-body' }
  | { kind: 'hang' }
  /** No fault: this request is answered as usual, so that the next fault meets the one after. */
  | { kind: 'pass' }
  | { kind: 'trickle'; bytes: number; everyMs: number }
  | { kind: 'huge' }
  | { kind: 'ok-body'; body: string; contentType?: string; headers?: Record<string, string> }
  /** users/me: repeat the token back, in a refusal (msg and x-tt-logid) or as the user's name and id. */
  | { kind: 'echo-token'; into?: 'refusal' | 'user'; as?: 'whole' | 'split' | 'late' };

export interface StandInOptions {
  publicKey: KeyObject;
  appId: string;
  kid: string;
  audience?: string;
  /** Serve https with this certificate instead of plain http. */
  tls?: { key: string; cert: string };
  /** What issued tokens start with: czs_ as Coze's do, or something no shape-based redaction would know. */
  tokenPrefix?: string;
  /** How far the stand-in's clock is ahead of this machine's (behind when negative): Coze's own time. */
  clockOffsetMs?: number;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  jwt?: string;
  claims?: Record<string, unknown>;
  refusal?: string;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * Coze's token endpoint as the official SDKs speak to it, on 127.0.0.1: verifies the RS256 signature with the
 * public key and checks every claim, issues tokens, answers /v1/users/me for tokens it issued, and misbehaves
 * on request.
 */
export async function startCozeStandIn(options: StandInOptions) {
  const faults: Fault[] = [];
  const usersMeFaults: Fault[] = [];
  const seenJtis = new Set<string>();
  const issued = new Set<string>();
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  let logCounter = 0;
  let deactivated = false;
  let profileDenied = false;
  let clockOffsetMs = options.clockOffsetMs ?? 0;
  /** The Date header as sent instead of the stand-in's time, to test what a client makes of a broken one. */
  let dateHeader: string | undefined;
  const nowMs = () => Date.now() + clockOffsetMs;

  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    const record: ReceivedRequest = { method: req.method ?? '', path, headers: req.headers, body };
    requests.push(record);
    res.setHeader('x-tt-logid', `20261125${String(++logCounter).padStart(6, '0')}STANDIN`);
    // Every answer carries the stand-in's time, as an HTTP server's do: IMF-fixdate, from its own clock.
    res.setHeader('date', dateHeader ?? new Date(nowMs()).toUTCString());

    if (req.method === 'GET' && path === '/v1/users/me') {
      const fault = usersMeFaults.shift();
      if (fault?.kind === 'echo-token') {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (fault.into === 'user')
          return json(res, 200, { code: 0, msg: '', data: { user_id: token, user_name: `bot ${token}` } });
        res.setHeader('x-tt-logid', token);
        // Split by a line break, or so late in a long message that only its start fits in what is shown.
        const said = fault.as === 'split' ? `${token.slice(0, 20)}\n${token.slice(20)}` : token;
        const lead = fault.as === 'late' ? `${'x'.repeat(280)} ` : '';
        return json(res, 401, { code: 4100, msg: `${lead}authentication is invalid for token ${said}` });
      }
      if (fault) return misbehave(fault, res);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !issued.has(token)) return json(res, 401, { code: 4100, msg: 'authentication is invalid' });
      if (profileDenied)
        return json(res, 200, { code: 4101, msg: 'the token does not have permission to access this resource' });
      return json(res, 200, {
        code: 0,
        msg: '',
        data: {
          user_id: '7400000000000000001',
          user_name: 'ci-bot',
          nick_name: 'CI',
          avatar_url: 'https://example.invalid/a.png',
        },
      });
    }

    const tokenPath = /^\/api\/permission\/oauth2(?:\/account\/\d+|\/enterprise_id\/[\w-]+)?\/token$/.exec(path);
    if (req.method !== 'POST' || !tokenPath) return json(res, 404, { code: 4200, msg: 'not found' });
    const fault = faults.shift();
    if (fault && fault.kind !== 'pass') return misbehave(fault, res);

    const refuse = (status: number, error: string, message: string) => {
      record.refusal = message;
      json(res, status, { error, error_code: error, error_message: message });
    };
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return refuse(400, 'invalid_request', 'content-type must be application/json');
    const jwt = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!jwt) return refuse(401, 'invalid_client', 'missing bearer JWT');
    record.jwt = jwt;

    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(jwt);
    } catch {
      return refuse(401, 'invalid_client', 'malformed JWT header');
    }
    if (header.alg !== 'RS256' || header.typ !== 'JWT')
      return refuse(401, 'invalid_client', 'alg must be RS256 and typ JWT');
    // Coze's own wording, spelling included, for a key id it does not know on this site.
    if (header.kid !== options.kid) return refuse(401, 'invalid_client', 'invalid jwt: kid not been registred');

    const now = Math.floor(nowMs() / 1000);
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(jwt, options.publicKey, {
        algorithms: ['RS256'],
        issuer: options.appId,
        audience: options.audience ?? '127.0.0.1',
        requiredClaims: ['iss', 'aud', 'iat', 'exp', 'jti'],
        currentDate: new Date(now * 1000),
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      // jose checks exp against the stand-in's clock once the signature holds.
      if (code === 'ERR_JWT_EXPIRED') return refuse(401, 'invalid_client', 'invalid jwt: exp is in the past');
      return refuse(401, 'invalid_client', `JWT rejected: ${code ?? 'invalid'}`);
    }
    record.claims = claims;
    const { iat, exp, jti } = claims as { iat: number; exp: number; jti: unknown };
    if (iat > now + 5) return refuse(401, 'invalid_client', 'iat is in the future');
    if (now - iat > 300) return refuse(401, 'invalid_client', 'iat is too old');
    if (exp - iat > 3600) return refuse(401, 'invalid_client', 'exp is too far from iat');
    // Coze's guide asks for a jti longer than 32 characters.
    if (typeof jti !== 'string' || jti.length <= 32)
      return refuse(401, 'invalid_client', 'jti must be a random string longer than 32 characters');
    if (seenJtis.has(jti)) return refuse(401, 'invalid_client', 'jti was used before (replay)');
    seenJtis.add(jti);
    if ('session_name' in claims && typeof claims.session_name !== 'string')
      return refuse(400, 'invalid_request', 'session_name must be a string');
    if ('session_context' in claims && !isSessionContext(claims.session_context))
      return refuse(400, 'invalid_request', 'invalid request: session_context');

    let request: Record<string, unknown>;
    try {
      request = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return refuse(400, 'invalid_request', 'body is not JSON');
    }
    if (request.grant_type !== JWT_BEARER)
      return refuse(400, 'unsupported_grant_type', 'grant_type must be jwt-bearer');
    const duration = request.duration_seconds ?? 900;
    if (!Number.isInteger(duration) || (duration as number) < 1 || (duration as number) > 86399)
      return refuse(400, 'invalid_request', 'invalid request: duration_seconds');
    if (
      'scope' in request &&
      (typeof request.scope !== 'object' || request.scope === null || Array.isArray(request.scope))
    )
      return refuse(400, 'invalid_request', 'invalid request: scope');
    if (deactivated) return refuse(403, 'access_deny', `app: ${options.appId} is currently deactivated by the owner`);

    const token = `${options.tokenPrefix ?? 'czs_'}${randomBytes(24).toString('base64url')}`;
    issued.add(token);
    json(res, 200, { access_token: token, expires_in: now + (duration as number), token_type: 'Bearer' });
  }

  function misbehave(fault: Fault, res: ServerResponse): void {
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(fault.body ?? '');
        return;
      case 'reset':
        res.socket?.destroy();
        return;
      case 'reset-mid-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"access_token":"czs_');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      case 'hang':
        return;
      case 'trickle': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '.repeat(fault.bytes)), fault.everyMs);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'huge':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"padding":"${'x'.repeat(2 * 1024 * 1024)}"}`);
        return;
      case 'ok-body':
        res.writeHead(200, { 'content-type': fault.contentType ?? 'application/json', ...fault.headers });
        res.end(fault.body);
        return;
      case 'echo-token':
        res.writeHead(500);
        res.end();
        return;
    }
  }

  function json(res: ServerResponse, status: number, value: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    issued,
    /** TCP connections clients opened, in all. */
    connections: () => connections,
    /** Connections still open now. */
    openConnections: () => sockets.size,
    /** Queue faults for the next token requests, in order. */
    fail: (...next: Fault[]) => faults.push(...next),
    failUsersMe: (...next: Fault[]) => usersMeFaults.push(...next),
    revoke: () => issued.clear(),
    /** The owner disables the OAuth app in the console: token requests get access_deny until reactivated. */
    deactivate: (off = true) => void (deactivated = off),
    /** The app was given no permission to read the user profile: /v1/users/me answers 4101 until allowed again. */
    denyProfile: (denied = true) => void (profileDenied = denied),
    /** Moves the stand-in's clock: this far ahead of this machine's (behind when negative). */
    setClock: (offsetMs: number) => void (clockOffsetMs = offsetMs),
    /** Sends this Date header on every answer instead of the stand-in's time; undefined goes back to its time. */
    sendDate: (value: string | undefined) => void (dateHeader = value),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type CozeStandIn = Awaited<ReturnType<typeof startCozeStandIn>>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** session_context as Coze documents it: an object; device_info and connector_info objects of strings when there. */
function isSessionContext(value: unknown): boolean {
  if (!isObject(value)) return false;
  const known: Record<string, string[]> = {
    device_info: ['device_id', 'custom_consumer'],
    connector_info: ['connector_id'],
  };
  return Object.entries(known).every(([name, fields]) => {
    if (!(name in value)) return true;
    const part = value[name];
    return isObject(part) && fields.every((field) => !(field in part) || typeof part[field] === 'string');
  });
}
