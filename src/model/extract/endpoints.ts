import type { Endpoint } from '../schema.js';
import type { DocContext } from './context.js';

export function extractEndpoints(_ctx: DocContext): Endpoint[] {
  return [];
}
