/** A small workspace for graph, tasks and state: a dependency cycle, a missing dependency, tasks in every status. */
import { md } from '../helpers.js';

export const PROGRESS_FILES: Record<string, string> = {
  // required-section is off so that the lint counts are the dependency findings only.
  'featspec.config.json': JSON.stringify({ rules: { 'required-section': 'off' } }),
  'docs/features/001-accounts/design.md': md(
    '# FEAT-001 Design: Accounts', // 1
    '',
    '## Dependencies',
    '- 002-boards: board ids', // 4
    '',
    '## Implementation Tasks',
    '',
    '### TASK-001: Schema', // 8
    '- [x] write it',
    '',
    '### TASK-002: Routes', // 11
    '- [ ] add them',
  ),
  'docs/features/002-boards/design.md': md(
    '# FEAT-002 Design: Boards | "quoted" #1',
    '',
    '## Dependencies',
    '- 001-accounts: owners', // 4
    '- 999-ghost: nothing', // 5
    '',
    '## Tasks',
    '- [ ] T001 Make boards', // 8
    '- [x] T002 Done thing', // 9
  ),
  'docs/features/003-cards/design.md': md(
    '# FEAT-003 Design: Cards',
    '',
    '## Dependencies',
    '- FEAT-004: tags', // 4
    '',
    '## Tasks',
    '- [ ] T001 Card table in `src/db/cards.sql`', // 7
    '',
    '### TASK-003: Card routes', // 9
    'No checkbox: not tracked.',
  ),
  'docs/features/004-tags/design.md': md(
    '# FEAT-004 Design: Tags',
    '',
    '**Last Updated**: 2026-10-01',
    '',
    '## Tasks',
    '- [x] T001 Tag table', // 6
  ),
};
