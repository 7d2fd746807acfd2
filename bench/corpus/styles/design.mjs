/** Design style: FEAT-NNN title, data model tables, endpoint aspect tables, file plan, TASK headings. */
import { aspectTable, checkboxes, dependencyBullets, endpointLine, fieldTable, flowchart, prose, sequence } from '../blocks.mjs';
import { plural, snake } from '../words.mjs';

export function design(f) {
  const r = f.r;
  const L = [`# FEAT-${f.tag} Design: ${f.title}`, '', '## Overview', prose(f), '', '## Architecture', '', ...flowchart(f, r.pick(['LR', 'TD'])), ''];
  L.push('## Data Models', '');
  for (const e of f.entities) L.push(`### ${e.name}`, ...fieldTable(e), '');
  L.push('## API Endpoints', '');
  for (const ep of f.endpoints) {
    const q = ep.query.length ? `?${ep.query.map(([n, , d]) => `${n}=${d}`).join('&')}` : '';
    L.push(`### ${endpointLine(ep)}${q}`, ...aspectTable(ep), '');
  }
  L.push('### Request Sequence', ...sequence(f), '');
  L.push('## File Plan', '', '| # | File | Action | Description |', '|---|------|--------|-------------|');
  f.files.forEach((x, i) => L.push(`| ${i + 1} | ${x.path} | ${x.action} | ${x.description} |`));
  L.push('', '## Implementation Tasks', '');
  const groups = [
    ['Models and Schemas', f.files.filter((x) => /models|schemas/.test(x.path))],
    ['Repository', f.files.filter((x) => /repositories/.test(x.path))],
    ['Service Layer', f.files.filter((x) => /services/.test(x.path))],
    ['API Endpoints', f.files.filter((x) => /api\//.test(x.path))],
    ['Frontend and Cleanup', f.files.filter((x) => /frontend|legacy/.test(x.path))],
  ].filter(([, files]) => files.length > 0);
  const base = f.number * 10;
  const doneUpTo = r.int(0, groups.length);
  groups.forEach(([title, files], i) => {
    const nums = files.map((x) => f.files.indexOf(x) + 1);
    L.push(`### TASK-${String(base + i + 1).padStart(3, '0')}: ${title} (${nums.length > 1 ? `files ${nums[0]}-${nums[nums.length - 1]}` : `file ${nums[0]}`})`);
    L.push(...checkboxes(files.map((x) => `${x.action === 'MODIFY' ? 'Update' : x.action === 'DELETE' ? 'Remove' : 'Write'} \`${x.path}\``), i < doneUpTo ? files.length : 0));
    L.push(`- Read: ${i === 0 ? 'CONVENTIONS.md#python-models' : `TASK-${String(base + i).padStart(3, '0')} output files`}`, '');
  });
  L.push('## Dependencies', ...dependencyBullets(f), '');
  L.push('## Design Decisions');
  const main = f.entities[0];
  L.push(`- **Soft delete for ${plural(snake(main.name).replace(/_/g, ' '))}**: keeps references from other features valid`);
  L.push(`- **${f.services[0]} behind an adapter**: the service can be swapped without touching routes`);
  L.push(`- **Cursor-free pagination**: page and limit are enough below ${r.pick([10, 50, 100])}k rows`, '');
  return L.join('\n');
}
