import type { Dependency } from '../schema.js';
import type { DocContext } from './context.js';

export function extractDependencies(_ctx: DocContext): Dependency[] {
  return [];
}
