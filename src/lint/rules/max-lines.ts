import { z } from 'zod';
import { byStyle } from '../style-options.js';
import { defineRule } from '../types.js';

/** Line budgets by style: `["error", { "implementation": 100, "design": 300 }]`. */
const Limits = byStyle(z.number().int().positive())
  .describe('Line budgets by style: a style given here gets this budget, the others keep theirs (implementation: 100; none for the rest).');
type Limits = z.infer<typeof Limits>;
const DEFAULT: Limits = { implementation: 100 };

export default defineRule<Limits>({
  id: 'max-lines',
  description: 'A document stays within its style\'s line budget (implementation: 100 lines; others only when configured)',
  defaultSeverity: 'error',
  scope: 'document',
  options: Limits,
  optionsExample: { implementation: 120, design: 400 },
  examples: [
    {
      fail: `# Widgets Implementation\n\n## Core Components\n\n${Array.from({ length: 100 }, (_, i) => `- **Service**: \`WidgetService${i}\` - handles widget batch ${i}`).join('\n')}\n`,
      pass: '# Widgets Implementation\n\n## Core Components\n\n- **Service**: `WidgetService` - creates and lists widgets\n',
      path: 'docs/features/001-example/implementation.md',
    },
  ],
  check({ doc, style, options, report }) {
    const limits = { ...DEFAULT, ...(options ?? {}) };
    const max = limits[style];
    if (max === undefined || doc.doc.lines <= max) return;
    report({ path: doc.path, line: max + 1, message: `${style} document has ${doc.doc.lines} lines, over its budget of ${max}; move detail into another document` });
  },
});
