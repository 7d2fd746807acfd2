/** Plan style: technical context, diagrams, database schema with RLS, API contracts, choices, targets. */
import { checkboxes, columnBullets, dependencyBullets, envBlock, fence, flowchart, jsonBody, prose, rlsBullets, sequence, sqlCreate, targetBullets } from '../blocks.mjs';
import { plural, snake } from '../words.mjs';

const STATUS_TEXT = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' };
const ERRORS = ['400 Bad Request: Invalid input parameters', '401 Unauthorized: Missing or invalid authentication', '403 Forbidden: Not a member of the workspace', '404 Not Found: Resource not found', '409 Conflict: The row changed since it was read'];

export function plan(f) {
  const r = f.r;
  const L = [`# ${f.title} - Implementation Plan`, '', prose(f), '', '## Technical Context', '', '**Stack**:'];
  L.push(`- Frontend: ${f.stack.frontend}`, `- Backend: ${f.stack.backend}`, `- Database: ${f.stack.database}`, `- Authentication: ${f.stack.auth}`, '');
  L.push('**External Integrations**:', ...f.services.map((s) => `- ${s} for ${r.pick(['payments', 'notifications', 'file storage', 'search', 'analytics', 'messaging'])}`), '');
  L.push('**Dependencies on Other Features**:', ...dependencyBullets(f), '');
  L.push('## Architecture', '', '### Component Diagram', '', ...flowchart(f, 'TD'), '', '### Data Flow', '', ...sequence(f), '');
  L.push('## Database Schema', '', '### Tables', '');
  for (const e of f.entities) {
    L.push(`#### \`${e.table}\``, `**Description**: Stores ${plural(snake(e.name).replace(/_/g, ' '))} of a workspace`, '', '**Columns**:', ...columnBullets(e), '');
    const idx = e.fields[1];
    L.push('**Indexes**:', `- \`idx_${e.table}_${idx.name}\` on \`(${idx.name})\` - Filters in the list screen`, '');
    L.push('**RLS Policies**:', ...rlsBullets(f, e), '');
  }
  const fk = f.entities.flatMap((e) => e.fields.filter((x) => x.references).map((x) => ({ e, x })));
  if (fk.length) {
    L.push('### Relationships', '');
    for (const { e, x } of fk) L.push(`- \`${e.table}.${x.name}\` -> \`${plural(snake(x.references))}.id\` (FK, CASCADE)`, '  - **Type**: Many-to-One');
    L.push('');
  }
  L.push('### Migration', ...sqlCreate(f.entities[0]), '');
  L.push('## API Contracts', '', '### Endpoints', '');
  f.endpoints.forEach((ep, i) => {
    L.push(`#### \`${ep.method} ${ep.path.replace(/\{(\w+)\}/g, ':$1')}\``, `**Description**: ${ep.verb} ${plural(snake(ep.entity.name).replace(/_/g, ' '))}`, '');
    L.push(`**Authentication**: ${ep.auth === 'required' ? 'Required (Bearer token)' : 'None'}`, '');
    const [status] = ep.responses[0];
    if (i >= 3) {
      L.push(`**Response** (${status}): same shape as the endpoints above`, '');
      return;
    }
    if (ep.request) L.push('**Request**:', ...fence('json', jsonBody(ep.entity, true, false)), '');
    L.push(`**Response** (${status} ${STATUS_TEXT[status] ?? ''}):`.replace(' )', ')'));
    if (status !== 204) L.push(...fence('json', jsonBody(ep.entity, false, true)));
    L.push('', '**Error Responses**:', ...r.sample(ERRORS, r.int(2, 4)).map((x) => `- \`${x.replace(':', '`:')}`), '');
  });
  L.push('## Integration Points', '');
  for (const d of f.dependencies) L.push(`### Integration with ${d.id}`, '', '**What we use**:', `- ${d.reason}`, '');
  L.push(`### Integration with ${f.services[0]}`, '', '**Configuration**:', ...envBlock(f), '');
  L.push('## Technology Choices', '');
  f.services.forEach((s, i) => {
    L.push(`### Choice ${i + 1}: ${s}`, '', `**Decision**: Use ${s} for the external part of ${f.title.toLowerCase()}`, '');
    L.push('**Rationale**:', `- Already used by ${r.int(2, 9)} other features`, `- Predictable pricing at ${r.pick([10, 50, 100])}k calls a month`, '');
    L.push('**Alternatives Considered**:', `- A self-hosted service: more operations work for the team`, '');
  });
  L.push('## Security Considerations', '', '### Authentication', `- ${f.stack.auth} on every request`, '', '### Authorization', '- RLS policies enforce workspace isolation', '');
  L.push('## Performance Targets', '', '### Response Times', ...targetBullets(f), '');
  L.push('## Monitoring & Observability', '', '### Metrics to Track', ...f.metrics.map((m) => `- ${m} by endpoint`), '');
  L.push('## Implementation Phases', '', ...checkboxes([
    `T${f.tag}1 Create tables and RLS policies`, `T${f.tag}2 Write the repository and service`, `T${f.tag}3 Expose the endpoints`, `T${f.tag}4 Build the screens`,
  ], r.int(0, 4)), '');
  return L.join('\n');
}
