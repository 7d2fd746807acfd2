import { modelJsonSchema } from '../model/schema.js';
import type { CommandResult } from './result.js';

export function runSchema(): CommandResult {
  const schema = modelJsonSchema();
  return { exitCode: 0, json: schema, text: JSON.stringify(schema, null, 2) };
}
