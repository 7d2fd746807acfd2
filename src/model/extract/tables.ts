import type { Table } from '../schema.js';
import type { DocContext } from './context.js';

export function extractTables(_ctx: DocContext): Table[] {
  return [];
}
