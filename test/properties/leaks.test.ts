// The leak detector every end-to-end test relies on must find what it looks for.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CozeStandIn, startCozeStandIn } from '../support/coze-stand-in.ts';
import { makeRsaKeys, pemBody } from '../support/keys.ts';
import { leaksIn } from '../support/leaks.ts';

const keys = makeRsaKeys();
let standIn: CozeStandIn;
beforeAll(async () => {
  standIn = await startCozeStandIn({ publicKey: keys.publicKey, appId: '1', kid: 'k' });
});
afterAll(() => standIn.close());

it('finds a slice of the key, a JWT, an issued token, an extra secret and a stack trace', () => {
  standIn.requests.push({
    method: 'POST',
    path: '/api/permission/oauth2/token',
    headers: {},
    body: '',
    jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln',
  });
  standIn.issued.add('czs_issuedTokenValue');
  const body = pemBody(keys.pkcs8);
  const secrets = { pems: [keys.pkcs8], standIn, extra: ['extra-secret-value'] };
  expect(leaksIn('a clean line\nanother', secrets)).toEqual([]);
  expect(leaksIn(`x ${body.slice(100, 124)} y`, secrets)).toEqual(['a slice of the private key']);
  expect(leaksIn('Bearer eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln', secrets)).toEqual([
    'the JWT sent to /api/permission/oauth2/token',
  ]);
  expect(leaksIn('token=czs_issuedTokenValue', secrets)).toEqual(['an issued token']);
  expect(leaksIn('extra-secret-value', secrets)).toEqual(['"extra-se…"']);
  expect(leaksIn('Error: x\n    at run (file:///dist/index.js:1:1)', secrets)).toEqual(['a stack trace']);
});
