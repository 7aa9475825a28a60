// The JWT's id: fresh from the CSPRNG for every JWT, retries included, and longer than the 32 characters Coze asks for.
import { randomBytes } from 'node:crypto';

/** Coze's guide asks for a jti longer than 32 characters; the SDKs send 16 to 64, and the stricter rule is kept. */
export const MIN_JTI_LENGTH = 33;

/** 32 random bytes in base64url: 43 characters, 256 bits. */
export function newJwtId(): string {
  return randomBytes(32).toString('base64url');
}
