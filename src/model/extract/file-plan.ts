import type { FilePlanEntry } from '../schema.js';
import type { DocContext } from './context.js';

export function extractFilePlan(_ctx: DocContext): FilePlanEntry[] {
  return [];
}
