import type { Task } from '../schema.js';
import type { DocContext } from './context.js';

export function extractTasks(_ctx: DocContext): Task[] {
  return [];
}
