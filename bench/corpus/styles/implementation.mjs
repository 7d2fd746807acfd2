/** Implementation style: core components, code patterns, integration points, configuration, file tree. */
import { dependencyBullets, endpointLine, envBlock, fence, flowchart, prose, sequence, sqlCreate } from '../blocks.mjs';
import { camel, pascal, plural, snake } from '../words.mjs';

export function implementation(f) {
  const r = f.r;
  const main = f.entities[0];
  const s = snake(main.name);
  const L = [`# ${f.title} Implementation`, '', `**Last Updated**: ${f.date}`, '', prose(f), ''];
  L.push('## Core Components', '', '### Backend');
  for (const e of f.entities) {
    const es = snake(e.name);
    L.push(`- **Model**: \`${e.name}\` - Persists ${plural(es.replace(/_/g, ' '))} with ${e.fields.length} columns`);
    L.push(`- **Repository**: \`${e.name}Repository\` - Queries and writes \`${e.table}\``);
  }
  L.push(`- **Service**: \`${main.name}Service\` - Applies the rules of ${f.title.toLowerCase()}`);
  L.push(`- **Routes**: \`${s}_routes.py\` - Exposes ${f.endpoints.length} endpoints under \`/api/v1/${main.resource}\``, '');
  L.push('### Frontend');
  L.push(`- **Components**: \`${main.name}List\`, \`${main.name}Form\` - Screens for browsing and editing`);
  L.push(`- **Hooks**: \`use${main.name}\` - Loads and caches ${plural(s.replace(/_/g, ' '))}`);
  L.push(`- **Context**: \`${main.name}Context\` - Shares the current selection`);
  L.push(`- **API**: \`${camel(main.name)}Api.ts\` - Typed client for the routes`, '', '### Component Map', ...flowchart(f, r.pick(['LR', 'TD'])), '');
  L.push('## Key Code Patterns', '', '### Database Pattern');
  L.push(...fence('python', [
    `# Repository usage inside one transaction`,
    `repository = get_${s}_repository()`,
    'with TransactionContext():',
    `    ${s} = repository.create(data)`,
    `    repository.attach_audit(${s}.id, actor=current_user.id)`,
  ]), '');
  L.push('### API Pattern');
  const post = f.endpoints.find((e) => e.method === 'POST') ?? f.endpoints[0];
  L.push(...fence('python', [
    `@${s}_bp.route('${post.path.replace(/\{(\w+)\}/g, '<$1>')}', methods=['${post.method}'])`,
    '@require_session',
    `def ${post.verb}_${s}(${post.path.includes('{id}') ? 'id' : ''}):`,
    `    payload = ${post.request ?? `${main.name}Query`}.parse(request.json)`,
    `    result = ${s}_service.${post.verb}(payload)`,
    `    return jsonify({'status': 'success', 'data': result.to_dict()}), ${post.responses[0][0]}`,
  ]), '');
  L.push('### Frontend Pattern');
  L.push(...fence('typescript', [
    `export const use${main.name} = (workspaceId: string) => {`,
    `  const { data, error, mutate } = useSWR(['${main.resource}', workspaceId], fetch${pascal(main.resource)});`,
    `  const ${camel(r.pick(['save', 'submit', 'store']))} = async (input: Create${main.name}Request) => {`,
    `    await ${camel(main.name)}Api.create(workspaceId, input);`,
    '    await mutate();',
    '  };',
    '  return { data, error };',
    '};',
  ]), '');
  L.push('## Integration Points', '', '### Database');
  for (const e of f.entities) L.push(`- **Tables**: ${e.table} - ${e.fields.find((x) => x.references) ? `belongs to ${plural(snake(e.fields.find((x) => x.references).references))}` : 'root table of the feature'}`);
  L.push(`- **Migrations**: ${f.date.replace(/-/g, '')}_create_${main.table}.sql - Creates the tables and their indexes`, '');
  L.push(...sqlCreate(main), '');
  L.push('### API Endpoints');
  for (const ep of f.endpoints) L.push(`- **${endpointLine(ep)}** - ${ep.verb} ${plural(snake(ep.entity.name).replace(/_/g, ' '))}${ep.auth === 'required' ? ' (session required)' : ''}`);
  L.push('', '### Request Flow', ...sequence(f), '');
  L.push('### Frontend Components');
  for (const d of f.dependencies) L.push(`- **${main.name}List** integrates with **${d.title}** via **shared hooks**`);
  L.push(`- **use${main.name}** uses **NotificationService** for **toasts after each change**`, '');
  L.push('## Dependencies', ...dependencyBullets(f), '');
  L.push('## Configuration', ...envBlock(f), '');
  L.push('## File Structure');
  L.push(...fence('', [
    'backend/app/',
    ...f.entities.map((e) => `├── models/${snake(e.name)}_model.py`),
    `├── repositories/${s}_repository.py`,
    `├── services/${s}_service.py`,
    `└── routes/${s}_routes.py`,
    '',
    'frontend/src/',
    `├── components/${camel(main.name)}/`,
    `├── hooks/use${main.name}.ts`,
    `├── api/${camel(main.name)}Api.ts`,
    `└── contexts/${main.name}Context.tsx`,
  ]), '');
  return L.join('\n');
}
