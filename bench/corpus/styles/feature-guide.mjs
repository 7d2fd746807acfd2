/** Feature-guide style: quick start, purpose, components, key files, config, SQL, usage, API reference, troubleshooting. */
import { dependencyBullets, envBlock, fence, flowchart, prose, sequence, sqlCreate, targetBullets } from '../blocks.mjs';
import { camel, plural, snake } from '../words.mjs';

export function featureGuide(f) {
  const r = f.r;
  const main = f.entities[0];
  const s = snake(main.name);
  const L = [`# Feature: ${f.title}`, '', '## Overview', prose(f), '', '## Quick Start'];
  L.push(...fence('bash', ['# Turn it on and create a first row', `export ${f.config[0].name}=true`, `curl -X POST http://localhost:8000/api/v1/${main.resource} -d '{"name": "first"}'`]), '');
  L.push('## Purpose', `- **Problem it solves**: ${prose(f)}`, `- **Target users**: ${r.pick(['admins', 'members', 'operators'])}`, '- **Key benefits**: fewer manual steps', '');
  L.push('## Architecture', '', '### Components');
  f.entities.forEach((e, i) => {
    L.push(`${i + 1}. **${e.name}Service** (\`src/services/${snake(e.name)}_service.py\`)`, `   - Purpose: rules for ${plural(snake(e.name).replace(/_/g, ' '))}`, `   - Interfaces: \`${camel(e.name)}Service.create()\`, \`.list()\``, '');
  });
  L.push('### Data Flow', ...flowchart(f, 'LR'), '', '### Sequence', ...sequence(f), '');
  L.push('## Implementation Details', '', '### Key Files', ...f.files.map((x) => `- \`${x.path}\` - ${x.description}`), '');
  L.push('### Configuration', ...envBlock(f, 'bash'), '', '### Database Schema', ...sqlCreate(main), '');
  L.push('## Usage Examples', '', '### Basic Usage');
  L.push(...fence('python', [`from src.services.${s}_service import ${main.name}Service`, '', `service = ${main.name}Service()`, `${s} = service.create(name="${f.slug}")`]), '');
  L.push('## API Reference', '', '### Endpoints');
  const yaml = [];
  for (const ep of f.endpoints) {
    yaml.push(`${ep.method} ${ep.path}`);
    if (ep.request) yaml.push('  Request:', ...ep.entity.fields.filter((x) => !x.generated).slice(0, 4).map((x) => `    - ${x.name}: ${x.kind} (${x.required ? 'required' : 'optional'})`));
    yaml.push('  Response:', `    - status: ${ep.responses[0][0]}`, '');
  }
  L.push(...fence('yaml', yaml.slice(0, -1)), '');
  L.push('## Testing', '', '### Unit Tests', ...fence('bash', [`pytest tests/unit/test_${s}_service.py -v`]), '');
  L.push('## Monitoring', '', '### Metrics', ...f.metrics.map((m) => `- \`${f.slug.replace(/-/g, '_')}.${snake(m.replace(/ /g, '_'))}\` - ${m}`), '');
  L.push('### Alerts', ...targetBullets(f).map((t) => `${t} (alert when missed)`), '');
  L.push('## Troubleshooting', '', '### Common Issues', '', '1. **Nothing happens**', `   - Check: Is \`${f.config[0].name}=true\`?`, '   - Solution: Review the worker logs', '');
  L.push('## Dependencies', ...dependencyBullets(f), '');
  L.push('## Related Documentation', ...f.dependencies.map((d) => `- @docs/features/${d.id}/ - ${d.title}`), '- @docs/architecture/OVERVIEW.md - System overview', '');
  L.push('## Changelog', '', `### Version 1.0.0 (${f.date})`, '- Initial release', '');
  return L.join('\n');
}
