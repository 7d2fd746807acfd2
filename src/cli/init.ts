import type { CommandResult, GlobalOptions } from './result.js';
import { UsageError } from './result.js';

export async function runInit(_opts: GlobalOptions, _now: Date): Promise<CommandResult> {
  throw new UsageError('init is not available yet');
}
