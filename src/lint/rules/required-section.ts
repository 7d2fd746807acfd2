import { headingKey } from '../../markdown/heading-key.js';
import { sections } from '../../markdown/walk.js';
import { z } from 'zod';
import { byStyle } from '../style-options.js';
import { defineRule } from '../types.js';

/** Required section titles by style, replacing the defaults of the styles given: `["error", { "design": ["Overview"] }]`. */
const Required = byStyle(z.array(z.string().trim().min(1)))
  .describe('Required section titles by style: a style given here requires these sections instead of its defaults; an empty list requires none.');
type Required = z.infer<typeof Required>;

export const REQUIRED_SECTIONS: Required = {
  implementation: ['Core Components', 'Integration Points'],
  design: ['Overview', 'Architecture', 'File Plan', 'Implementation Tasks'],
  plan: ['Technical Context', 'Architecture', 'API Contracts', 'Security Considerations', 'Testing Strategy'],
  'technical-design': ['Overview', 'Architecture', 'Data Flow', 'Testing Strategy'],
  'feature-guide': ['Overview', 'Quick Start', 'Architecture', 'Testing'],
};

/** spec-kit and Kiro folders follow their own templates, so our section contract does not apply there. */
const FOREIGN_LAYOUT = /(?:^|\/)(?:specs|\.kiro\/specs)\//;

export default defineRule<Required>({
  id: 'required-section',
  description: "A document declared in one of the five styles has that style's required sections",
  defaultSeverity: 'error',
  scope: 'document',
  options: Required,
  optionsExample: { design: ['Overview', 'API Endpoints'], 'feature-guide': [] },
  examples: [
    {
      fail: '# FEAT-004 Design: Tags\n\n## Overview\n\nUsers label bookmarks with tags.\n\n## Architecture\n\nTags are rows in PostgreSQL.\n',
      pass: '# FEAT-004 Design: Tags\n\n## Overview\n\nUsers label bookmarks with tags.\n\n## Architecture\n\nTags are rows in PostgreSQL.\n\n## File Plan\n\n| # | File | Action | Description |\n|---|---|---|---|\n| 1 | src/tags.ts | CREATE | Tag service |\n\n## Implementation Tasks\n\n### TASK-001: Tag service (file 1)\n- Build the service\n',
    },
  ],
  check({ doc, feature, style, options, report }) {
    // Only where the style is declared (the template's title form or front matter): a guessed style is no contract.
    const meta = feature.docs.find((d) => d.path === doc.path);
    if (!meta || (meta.styleSource !== 'template-title' && meta.styleSource !== 'front-matter') || FOREIGN_LAYOUT.test(doc.path)) return;
    const required = { ...REQUIRED_SECTIONS, ...(options ?? {}) }[style];
    if (!required?.length) return;
    const present = new Set([...sections(doc.doc.root)].map((s) => s.key));
    const missing = required.filter((name) => !present.has(headingKey(name)));
    if (missing.length === 0) return;
    report({
      path: doc.path,
      line: 1,
      message: `${style} document lacks required section${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
    });
  },
});
