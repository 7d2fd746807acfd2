import type { Diagram } from '../schema.js';
import type { DocContext } from './context.js';

export function extractDiagrams(_ctx: DocContext): Diagram[] {
  return [];
}
