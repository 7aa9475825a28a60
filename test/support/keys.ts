import { createPrivateKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

export interface TestKeys {
  publicKey: KeyObject;
  pkcs8: string;
  pkcs1: string;
}

export function makeRsaKeys(bits = 2048): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    publicKey,
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}

/** Base64 body of a PEM without line breaks: every 24-character slice of it is a leak. */
export function pemBody(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
}

export function secretSlices(pem: string, width = 24): string[] {
  const body = pemBody(pem);
  const slices: string[] = [];
  for (let i = 0; i + width <= body.length; i++) slices.push(body.slice(i, i + width));
  return slices;
}

/**
 * An RSA private key built from random numbers rather than primes, in PKCS#8 PEM: it parses as RSA of `bits` bits,
 * but is no working key. With an even modulus, signing fails inside OpenSSL: a key damaged in transit.
 */
export function forgedRsaKey(bits: number): string {
  const b64 = (n: bigint) => {
    const hex = n.toString(16);
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64url');
  };
  const random = (size: number, odd: boolean) => {
    const bytes = randomBytes(size / 8);
    bytes[0] = (bytes[0] as number) | 0xc0;
    const last = bytes.length - 1;
    bytes[last] = odd ? (bytes[last] as number) | 1 : (bytes[last] as number) & 0xfe;
    return BigInt(`0x${bytes.toString('hex')}`);
  };
  const [p, q] = [random(bits / 2, true), random(bits / 2, false)];
  const half = (odd = true) => b64(random(bits / 2 - 8, odd));
  const jwk = {
    kty: 'RSA',
    n: b64(p * q),
    e: 'AQAB',
    d: b64(random(bits - 8, true)),
    p: b64(p),
    q: b64(q),
    dp: half(),
    dq: half(),
    qi: half(),
  };
  return createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
}
