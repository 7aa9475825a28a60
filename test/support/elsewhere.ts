import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on another origin that only counts what reaches it: anything that does was led away from where it belonged. */
export async function startElsewhere() {
  let hits = 0;
  const server = createServer((_, res) => {
    hits++;
    res.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    reset: () => void (hits = 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Elsewhere = Awaited<ReturnType<typeof startElsewhere>>;
