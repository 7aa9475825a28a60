import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_BODY_BYTES, ResponseTooLargeError, sendRequest } from '../src/http.ts';

const server = createServer((req, res) => {
  if (req.url === '/big' || req.url === '/limit') {
    res.writeHead(200);
    return void res.end('x'.repeat(MAX_BODY_BYTES + (req.url === '/big' ? 1 : 0)));
  }
  res.writeHead(201, [
    ['x-tt-logid', 'L1'],
    ['set-cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ]);
  req.pipe(res);
});
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends the request and reads status, headers (repeated ones joined) and body', async () => {
  const response = await sendRequest({ method: 'POST', url: `${url}/echo`, headers: { 'content-type': 'text/plain' }, body: 'hello', timeoutMs: 5000 });
  expect(response).toMatchObject({ status: 201, body: 'hello', headers: { 'x-tt-logid': 'L1', 'set-cookie': 'a=1, b=2' } });
});

it('reads a body of exactly MAX_BODY_BYTES', async () => {
  expect((await sendRequest({ method: 'GET', url: `${url}/limit`, headers: {}, timeoutMs: 5000 })).body).toHaveLength(MAX_BODY_BYTES);
});

it('stops reading a body over MAX_BODY_BYTES', async () => {
  await expect(sendRequest({ method: 'GET', url: `${url}/big`, headers: {}, timeoutMs: 5000 })).rejects.toBeInstanceOf(ResponseTooLargeError);
});
