import { Socket } from 'node:net';
import { buildConnector, Client, Pool } from 'undici';
type Connector = buildConnector.connector;
type ConnectOption = Connector | buildConnector.BuildOptions | undefined;
type Factory<T> = (origin: string | URL, options: {
    connect?: ConnectOption;
}) => T;
export interface DispatcherSockets {
    /** For undici's `factory` and `clientFactory` options: clients whose every socket is kept track of. */
    factory: Factory<Client>;
    clientFactory: Factory<Pool>;
    /** Ends every socket still open, connecting or not. */
    destroy: () => void;
    /** The sockets kept and not yet closed or destroyed: a view to read, for tests. */
    open: ReadonlySet<Socket>;
}
/**
 * undici cannot cancel a connection it makes through a proxy: a TLS handshake stalled inside a tunnel lasts until
 * its connect timeout (10 s), whatever happens to the dispatcher. So every socket is kept from the moment it is
 * opened (the TCP socket to the proxy or the server; the TLS socket once its handshake is done), and destroying
 * the raw socket ends a handshake over it. Without `holdsProcess`, no socket keeps the process alive either.
 */
export declare function dispatcherSockets(holdsProcess: boolean): DispatcherSockets;
export {};
