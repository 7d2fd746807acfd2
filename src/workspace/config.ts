/** featspec.config.json: validated with zod; an unknown key or a wrong type is a configuration error. */
import { z } from 'zod';

export const CONFIG_FILE = 'featspec.config.json';
export const DEFAULT_FEATURE_ROOTS = ['docs/features', 'specs', '.kiro/specs'];

const RuleSetting = z.union([
  z.enum(['off', 'warning', 'error']),
  z.tuple([z.enum(['off', 'warning', 'error'])]).rest(z.unknown()),
]);

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  features: z.array(z.string().min(1)).min(1).optional()
    .describe('Folders (relative to the workspace root) that hold feature folders; default: docs/features, specs, .kiro/specs'),
  maxFileBytes: z.number().int().positive().optional().describe('Documents larger than this are skipped with a diagnostic (default 5 MB)'),
  rules: z.record(z.string(), RuleSetting).optional().describe('Lint rule settings: "off" | "warning" | "error" or [severity, options]'),
  serve: z.strictObject({
    cors: z.strictObject({
      origin: z.union([z.string(), z.array(z.string()), z.boolean()]).describe('Allowed origins: one, a list, or true for any'),
      credentials: z.boolean().optional(),
    }).optional(),
  }).optional().describe('featspec serve settings'),
});

export type Config = z.infer<typeof ConfigSchema>;

export interface ResolvedConfig {
  features: string[];
  /** True when `features` came from the config file (missing roots are then errors). */
  explicitFeatures: boolean;
  maxFileBytes: number;
  rules: NonNullable<Config['rules']>;
  serve: Config['serve'] | undefined;
}

export { ConfigError } from '../errors.js';
import { ConfigError } from '../errors.js';
import { lineOf, lineStarts } from '../util/text.js';

/** `line:column` (1-based) of an offset in a text. */
function lineColumn(text: string, offset: number): string {
  const starts = lineStarts(text.split('\n'));
  const i = lineOf(starts, offset);
  return `${i + 1}:${offset - starts[i]! + 1}`;
}

/** Parse the text of a config file; throws ConfigError with the file and key on any problem. */
export function parseConfig(text: string, file: string): ResolvedConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8 names the offset ("at position 66"); a line and column are what an editor goes to.
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : null;
    const where = offset === null ? '' : `:${lineColumn(text, offset)}`;
    throw new ConfigError(`${file}${where}: not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  const r = ConfigSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    let where = issue.path.join('.');
    let what = issue.message;
    if (issue.path[0] === 'rules' && issue.path.length === 2) {
      what = `expected "off", "warning" or "error", or [severity, options]; got ${JSON.stringify((data as { rules: Record<string, unknown> }).rules[String(issue.path[1])])}`;
    } else if (issue.code === 'unrecognized_keys') {
      where = [...issue.path, ...issue.keys].join('.');
      what = `unknown key (known keys: ${Object.keys(ConfigSchema.shape).filter((k) => k !== '$schema').join(', ')})`;
    }
    throw new ConfigError(`${file}: ${where ? `"${where}"` : 'top level'}: ${what}`);
  }
  return {
    features: r.data.features ?? DEFAULT_FEATURE_ROOTS,
    explicitFeatures: r.data.features !== undefined,
    maxFileBytes: r.data.maxFileBytes ?? 5 * 1024 * 1024,
    rules: r.data.rules ?? {},
    serve: r.data.serve,
  };
}

export function defaultConfig(): ResolvedConfig {
  return { features: DEFAULT_FEATURE_ROOTS, explicitFeatures: false, maxFileBytes: 5 * 1024 * 1024, rules: {}, serve: undefined };
}
