import { generateKeyPairSync, type KeyObject } from 'node:crypto';

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
