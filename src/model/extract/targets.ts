import type { Target } from '../schema.js';
import type { DocContext } from './context.js';

export function extractTargets(_ctx: DocContext): Target[] {
  return [];
}
