import { defineRule } from '../types.js';

export default defineRule({
  id: 'task-files-in-plan',
  description: "A task's files are listed in its feature's file plan",
  defaultSeverity: 'warning',
  scope: 'feature',
  uses: ['filePlan', 'tasks'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## File Plan\n\n| # | File | Action | Description |\n|---|---|---|---|\n| 1 | src/notes/model.py | CREATE | Model |\n\n## Implementation Tasks\n\n### TASK-001: Model and routes\n- Create `src/notes/model.py` and `src/notes/routes.py`\n',
      pass: '# FEAT-001 Design: Notes\n\n## File Plan\n\n| # | File | Action | Description |\n|---|---|---|---|\n| 1 | src/notes/model.py | CREATE | Model |\n| 2 | src/notes/routes.py | CREATE | Routes |\n\n## Implementation Tasks\n\n### TASK-001: Model and routes\n- Create `src/notes/model.py` and `src/notes/routes.py`\n',
    },
  ],
  check({ feature, report }) {
    if (feature.filePlan.length === 0) return;
    const planned = new Set(feature.filePlan.map((p) => p.path.replace(/^\.\//, '')));
    for (const t of feature.tasks) {
      for (const file of t.files) {
        const f = file.replace(/^\.\//, '');
        if (planned.has(f) || /[[\]*]/.test(f) || [...planned].some((p) => p.endsWith('/') && f.startsWith(p))) continue;
        report({ path: t.source.path, line: t.source.line, message: `task ${t.id} touches ${file}, which is not in the feature's file plan` });
      }
    }
  },
});
