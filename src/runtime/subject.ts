/**
 * Token subjects as row owners. A subject that is a uuid is the owner id as is (lower-cased); any other
 * subject (`alice`, `auth0|123`) maps to a name-based uuid (RFC 9562 version 5: SHA-1 of the URL
 * namespace and `urn:featspec:sub:<subject>`), so the same subject always owns the same rows.
 */
import { createHash } from 'node:crypto';
import { isUuid } from './validate.js';

const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** Owner id of anonymous callers on public endpoints: the nil uuid. */
export const ANONYMOUS_ID = '00000000-0000-0000-0000-000000000000';

export function uuidV5(name: string, namespace = NAMESPACE_URL): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The owner id of a token subject. */
export function subjectId(sub: string): string {
  return isUuid(sub) ? sub.toLowerCase() : uuidV5(`urn:featspec:sub:${sub}`);
}
