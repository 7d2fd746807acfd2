import type { Decision } from '../schema.js';
import type { DocContext } from './context.js';

export function extractDecisions(_ctx: DocContext): Decision[] {
  return [];
}
