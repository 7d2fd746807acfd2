/** Technical-design style: components, data flow, JSON data models, API contracts, considerations, rollout. */
import { checkboxes, dependencyBullets, fence, flowchart, jsonBody, prose, sequence, targetBullets } from '../blocks.mjs';
import { plural, snake } from '../words.mjs';

export function technicalDesign(f) {
  const r = f.r;
  const main = f.entities[0];
  const L = [`# ${f.title} Design`, '', '## Overview', '', prose(f), '', prose(f, 'Scope'), '', '## Architecture', '', '### Components', ''];
  for (const e of f.entities) L.push(`- **${e.name}Service**: owns ${plural(snake(e.name).replace(/_/g, ' '))} and their validation`);
  L.push(`- **${main.name}Worker**: runs the nightly ${r.pick(['cleanup', 'rollup', 'sync', 'export'])}`, '');
  L.push('### Component Diagram', '', ...flowchart(f, r.pick(['LR', 'TB'])), '');
  L.push('## Data Flow', '', ...sequence(f), '');
  L.push('## Data Models', '');
  for (const e of f.entities) {
    L.push(`### ${e.name}`, '', ...fence('json', jsonBody(e, false, false)), '');
    L.push('**Schema Changes:**', `- New table \`${e.table}\``, `- Index on \`${e.fields[1].name}\``, '');
  }
  L.push('## API Contracts', '');
  f.endpoints.forEach((ep, i) => {
    L.push(`### ${ep.verb.charAt(0).toUpperCase()}${ep.verb.slice(1)} ${ep.entity.name}`, '', '**Request:**');
    L.push(...fence('', [`${ep.method} ${ep.path}`, ...(ep.request && i < 3 ? jsonBody(ep.entity, true, false) : [])]), '');
    const body = ep.responses[0][0] === 204 ? ['204 No Content'] : i < 3 ? jsonBody(ep.entity, false, true) : [`${ep.responses[0][0]} ${ep.responses[0][1]}`];
    L.push('**Response:**', ...fence('', body), '');
    if (ep.responses.length > 1) L.push('**Error Cases:**', ...ep.responses.slice(1).map(([s, schema]) => `- ${schema}: ${s} - { "error": "${schema}" }`), '');
  });
  L.push('## State Management', '', `The client keeps ${plural(snake(main.name).replace(/_/g, ' '))} in a query cache keyed by workspace; writes are optimistic and rolled back on error.`, '');
  L.push('## External Integrations', '', ...f.services.map((s) => `- **${s}**: ${r.pick(['sends', 'receives', 'stores', 'indexes'])} ${plural(snake(main.name).replace(/_/g, ' '))}`), '');
  L.push('## Dependencies', ...dependencyBullets(f), '');
  L.push('## Implementation Considerations', '', '### Security', '', '- Bearer tokens checked at the gateway', '- Row level security on every table', '');
  L.push('### Performance', '', ...targetBullets(f), '', '### Error Handling', '', '- Retries with exponential backoff for upstream calls', '');
  L.push('### Edge Cases', '', `- Two editors change the same ${main.name}: the later write gets 409`, '');
  L.push('## Testing Strategy', '', '- **Unit Tests**: service rules', '- **Integration Tests**: repository against a real database', '- **E2E Tests**: the main flow in a browser', '');
  L.push('## Monitoring & Observability', '', ...f.metrics.map((m) => `- ${m}`), '');
  L.push('## Rollout Plan', '', ...checkboxes([`Ship behind \`${f.config[0].name}\``, 'Enable for internal workspaces', 'Enable for everyone', 'Remove the flag'], r.int(0, 4)), '');
  L.push('## Technical Debt & Future Considerations', '', `- ${prose(f)}`, '');
  return L.join('\n');
}
