import { defineRule } from '../types.js';
import { featureResolver } from './workspace-index.js';

export default defineRule({
  id: 'dependency-exists',
  description: 'Every feature named as a dependency exists in the workspace',
  defaultSeverity: 'error',
  scope: 'feature',
  uses: ['dependencies'],
  examples: [
    {
      fail: '# FEAT-002 Design: Bookmarks\n\n## Dependencies\n- 001-accounts: user ids\n- 007-search: indexing\n',
      pass: '# FEAT-002 Design: Bookmarks\n\n## Dependencies\n- 001-accounts: user ids\n',
      path: 'docs/features/002-bookmarks/design.md',
      files: { 'docs/features/001-accounts/design.md': '# FEAT-001 Design: Accounts\n' },
    },
  ],
  check({ feature, workspace, report }) {
    const resolveFeature = featureResolver(workspace);
    for (const d of feature.dependencies) {
      if (/[[\]]/.test(d.feature)) continue; // a template placeholder: no-placeholder reports it
      const r = resolveFeature(d.feature);
      if ('problem' in r) report({ path: d.source.path, line: d.source.line, message: `dependency ${d.feature}: ${r.problem}` });
    }
  },
});
