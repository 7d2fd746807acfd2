import type { CommandResult, GlobalOptions } from './result.js';
import { UsageError } from './result.js';

export interface NewOptions { title: string; style: string; depends: string[] }

export async function runNew(_opts: GlobalOptions, _o: NewOptions, _now: Date): Promise<CommandResult> {
  throw new UsageError('new is not available yet');
}
