/** Rule options keyed by document style (`{ "implementation": 100 }`): any style may be given, no other key. */
import { z } from 'zod';
import { STYLES } from '../model/constants.js';
import type { Style } from '../model/schema.js';

export function byStyle<T extends z.ZodType>(value: T) {
  return z.strictObject(Object.fromEntries(STYLES.map((s) => [s, value.optional()])) as Record<Style, z.ZodOptional<T>>);
}
