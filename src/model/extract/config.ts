import type { ConfigVar } from '../schema.js';
import type { DocContext } from './context.js';

export function extractConfig(_ctx: DocContext): ConfigVar[] {
  return [];
}
