// The sockets a dispatcher opens, each known from its start, so that ending the dispatcher ends them all.
import { Socket } from 'node:net';
import { buildConnector, Client, Pool } from 'undici';

type Connector = buildConnector.connector;
type ConnectOption = Connector | buildConnector.BuildOptions | undefined;
type Factory<T> = (origin: string | URL, options: { connect?: ConnectOption }) => T;

export interface DispatcherSockets {
  /** For undici's `factory` and `clientFactory` options: clients whose every socket is kept track of. */
  factory: Factory<Client>;
  clientFactory: Factory<Pool>;
  /** Ends every socket still open, connecting or not. */
  destroy: () => void;
  /** The sockets kept and not yet closed or destroyed: a view to read, for tests. */
  open: ReadonlySet<Socket>;
}

/** A socket that never keeps the process alive: undici refs a socket while it is busy, so ref is made to do nothing. */
function detach(socket: Socket): void {
  socket.unref();
  socket.ref = () => socket;
}

function connectorOf(connect: ConnectOption): Connector {
  return typeof connect === 'function' ? connect : buildConnector({ ...connect });
}

/**
 * undici cannot cancel a connection it makes through a proxy: a TLS handshake stalled inside a tunnel lasts until
 * its connect timeout (10 s), whatever happens to the dispatcher. So every socket is kept from the moment it is
 * opened (the TCP socket to the proxy or the server; the TLS socket once its handshake is done), and destroying
 * the raw socket ends a handshake over it. Without `holdsProcess`, no socket keeps the process alive either.
 */
export function dispatcherSockets(holdsProcess: boolean): DispatcherSockets {
  const open = new Set<Socket>();
  const keep = (socket: unknown) => {
    if (!(socket instanceof Socket) || open.has(socket)) return;
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    if (!holdsProcess) detach(socket);
  };
  const tracked =
    (connect: Connector): Connector =>
    (options, callback) => {
      const socket = connect(options, (error, connected) => {
        keep(connected);
        (callback as (error: Error | null, socket: unknown) => void)(error, connected);
      });
      keep(socket);
      return socket;
    };
  return {
    factory: (origin, options) => new Client(origin, { ...options, connect: tracked(connectorOf(options.connect)) }),
    clientFactory: (origin, options) => {
      return new Pool(origin, { ...options, connect: tracked(connectorOf(options.connect)) });
    },
    destroy: () => {
      for (const socket of open) socket.destroy();
      open.clear();
    },
    open,
  };
}
