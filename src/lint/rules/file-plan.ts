import { defineRule } from '../types.js';
import { plannedLookup } from './workspace-index.js';

export default defineRule({
  id: 'file-plan',
  description: 'File plan actions match the workspace: CREATE a file that does not exist yet, MODIFY or DELETE one that exists or that a dependency plans',
  defaultSeverity: 'warning',
  scope: 'feature',
  uses: ['filePlan', 'tasks', 'components', 'dependencies'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## File Plan\n\n| # | File | Action | Description |\n|---|---|---|---|\n| 1 | src/app.py | CREATE | Entry point |\n| 2 | src/router.py | MODIFY | Register routes |\n',
      pass: '# FEAT-001 Design: Notes\n\n## File Plan\n\n| # | File | Action | Description |\n|---|---|---|---|\n| 1 | src/notes.py | CREATE | Notes service |\n| 2 | src/app.py | MODIFY | Register routes |\n',
      files: { 'src/app.py': 'app = App()\n' },
    },
  ],
  check({ feature, workspace, exists, report }) {
    const dependencies = plannedLookup(workspace, { ...feature, filePlan: [], components: [] });
    // Once every task is done, the planned files exist by design: nothing to compare.
    const done = feature.tasks.length > 0 && feature.tasks.every((t) => t.done === true);
    for (const p of feature.filePlan) {
      if (/[[\]*{}<>]/.test(p.path) || /^(?:https?:|\/)/.test(p.path)) continue;
      const there = exists(p.path.replace(/^\.\//, ''));
      if (p.action === 'CREATE' && there && !done) report({ path: p.source.path, line: p.source.line, message: `file plan says CREATE ${p.path}, but it already exists; use MODIFY` });
      if (p.action !== 'CREATE' && !there && !dependencies(p.path.replace(/^\.\//, ''))) report({ path: p.source.path, line: p.source.line, message: `file plan says ${p.action} ${p.path}, but no such file exists in the workspace` });
    }
  },
});
