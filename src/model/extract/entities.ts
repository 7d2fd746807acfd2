import type { Entity } from '../schema.js';
import type { DocContext } from './context.js';

export function extractEntities(_ctx: DocContext): Entity[] {
  return [];
}
