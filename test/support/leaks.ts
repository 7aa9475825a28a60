import type { CozeStandIn } from './coze-stand-in.ts';
import { secretSlices } from './keys.ts';

/**
 * What of a secret shows in text: any 24-character slice of a private key's body, any JWT the stand-in
 * received, any token it issued, anything extra, or a stack trace. Empty when the text is clean.
 */
export function leaksIn(text: string, secrets: { pems: string[]; standIn: CozeStandIn; extra?: string[] }): string[] {
  const found: string[] = [];
  for (const pem of secrets.pems)
    if (secretSlices(pem).some((slice) => text.includes(slice))) found.push('a slice of the private key');
  for (const request of secrets.standIn.requests)
    if (request.jwt && text.includes(request.jwt)) found.push(`the JWT sent to ${request.path}`);
  for (const token of secrets.standIn.issued) if (text.includes(token)) found.push('an issued token');
  for (const extra of secrets.extra ?? []) if (text.includes(extra)) found.push(`"${extra.slice(0, 8)}…"`);
  if (/^\s+at /m.test(text)) found.push('a stack trace');
  return found;
}
