import { defineRule } from '../types.js';

/** `TASK-NNN` ids (the design template's) are unique across the workspace; every id is unique in its feature. */
const GLOBAL_ID = /^TASK-\d+$/i;

export default defineRule({
  id: 'task-id-unique',
  description: 'Task ids are unique in their feature, and TASK-NNN ids across the workspace',
  defaultSeverity: 'error',
  scope: 'workspace',
  uses: ['tasks'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## Implementation Tasks\n\n### TASK-001: Model\n- Create the model\n\n### TASK-001: Routes\n- Create the routes\n',
      pass: '# FEAT-001 Design: Notes\n\n## Implementation Tasks\n\n### TASK-001: Model\n- Create the model\n\n### TASK-002: Routes\n- Create the routes\n',
    },
  ],
  check({ workspace, report }) {
    const global = new Map<string, { path: string; line: number; feature: string }>();
    for (const f of workspace.features) {
      const local = new Map<string, { path: string; line: number }>();
      for (const t of f.tasks) {
        if (t.id.startsWith('#') || /X{2,}/.test(t.id)) continue; // generated ordinals and placeholders
        const prev = local.get(t.id);
        if (prev) {
          report({ path: t.source.path, line: t.source.line, message: `task id ${t.id} is used twice in ${f.id} (first at ${prev.path}:${prev.line})` });
          continue;
        }
        local.set(t.id, t.source);
        if (!GLOBAL_ID.test(t.id)) continue;
        const g = global.get(t.id.toUpperCase());
        if (g) report({ path: t.source.path, line: t.source.line, message: `task id ${t.id} is also used by ${g.feature} (${g.path}:${g.line}); TASK ids are unique across the workspace` });
        else global.set(t.id.toUpperCase(), { ...t.source, feature: f.id });
      }
    }
  },
});
