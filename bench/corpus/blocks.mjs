/** Markdown blocks shared by the style writers: each returns an array of lines. */
import { ACTORS, KINDS, NODE_ROLES, OUTCOMES, VERBS, camel, pascal, plural, snake } from './words.mjs';

const fence = (lang, body) => ['```' + lang, ...body, '```'];

/** A sentence or two of prose about the feature, varied by the random source. */
export function prose(f, topic) {
  const r = f.r;
  const e = r.pick(f.entities).name;
  const a = r.pick(ACTORS);
  return [
    `${topic ? `${topic}: ` : ''}${f.title} lets ${a} ${r.pick(VERBS)} ${plural(snake(e).replace(/_/g, ' '))} ${r.pick(OUTCOMES)}.`,
    `Each ${e} keeps its own history, and the ${r.pick(['service', 'worker', 'API', 'scheduler'])} ${r.pick(['retries failed writes', 'validates every change', 'emits an event per change', 'batches updates every minute'])}.`,
  ].join(' ');
}

export function fieldTable(entity) {
  const rows = entity.fields.map((x) => {
    const req = x.generated ? 'auto' : x.required ? 'yes' : 'no';
    const type = x.references ? 'UUID' : KINDS[x.kind].py;
    return `| ${x.name} | ${type} | ${req} | ${x.default ?? '-'} | ${x.description} |`;
  });
  return ['| Field | Type | Required | Default | Description |', '|-------|------|----------|---------|-------------|', ...rows];
}

export function aspectTable(ep) {
  const rows = [`| Auth | ${ep.auth === 'required' ? 'Required (Bearer)' : 'None'} |`];
  if (ep.query.length) rows.push(`| Query Params | ${ep.query.map(([n, t, d]) => `${n} (${t}, default ${d})`).join(', ')} |`);
  if (ep.request) rows.push(`| Request | ${ep.request} |`);
  for (const [status, schema] of ep.responses) rows.push(`| Response ${status} | ${schema ?? 'No content'} |`);
  return ['| Aspect | Detail |', '|--------|--------|', ...rows];
}

/** A JSON object with some of the entity's fields (never `id` and timestamps when `input`). */
export function jsonBody(entity, input, wrap) {
  const fields = entity.fields.filter((x) => !input || !x.generated);
  const body = fields.map((x, i) => `${wrap ? '    ' : '  '}"${camel(x.name)}": ${KINDS[x.kind].json(x.name)}${i < fields.length - 1 ? ',' : ''}`);
  return wrap ? ['{', '  "success": true,', '  "data": {', ...body, '  }', '}'] : ['{', ...body, '}'];
}

export function sqlCreate(entity) {
  const cols = entity.fields.map((x) => {
    if (x.name === 'id') return '  id uuid PRIMARY KEY DEFAULT gen_random_uuid()';
    let c = `  ${x.name} ${KINDS[x.kind].sql}`;
    if (x.required) c += ' NOT NULL';
    if (x.references) c += ` REFERENCES ${plural(snake(x.references))}(id) ON DELETE CASCADE`;
    if (x.generated) c += ' NOT NULL DEFAULT now()';
    else if (x.default !== null) c += ` DEFAULT ${x.default}`;
    return c;
  });
  const lines = [`CREATE TABLE ${entity.table} (`, ...cols.map((c, i) => c + (i < cols.length - 1 ? ',' : '')), ');'];
  const indexed = entity.fields.find((x) => x.references) ?? entity.fields[1];
  if (indexed) lines.push(`CREATE INDEX idx_${entity.table}_${indexed.name} ON ${entity.table} (${indexed.name});`);
  lines.push(`ALTER TABLE ${entity.table} ENABLE ROW LEVEL SECURITY;`);
  return fence('sql', lines);
}

export function columnBullets(entity) {
  return entity.fields.map((x) => {
    const extra = x.name === 'id' ? ', PK' : x.references ? `, FK -> ${plural(snake(x.references))}.id` : x.required ? ', NOT NULL' : '';
    return `- \`${x.name}\` (${KINDS[x.kind].sql}${extra}) - ${x.description}`;
  });
}

export function rlsBullets(f, entity) {
  const owner = f.r.pick(['owner', 'workspace member', 'team admin', 'assigned reviewer']);
  return [
    `- SELECT: Authenticated users can read ${plural(snake(entity.name).replace(/_/g, ' '))} of their workspace`,
    `- INSERT: Any ${owner} of the workspace`,
    `- UPDATE: The ${owner} who created the row`,
    `- DELETE: ${f.r.pick(['Only admins', 'Owners only', 'Nobody (soft delete through status)'])}`,
  ];
}

/** Node id unique to this document: role + main entity + feature number. */
const node = (f, role) => `${role}${f.entities[0].name}${f.tag}`;

export function flowchart(f, dir) {
  const roles = f.r.sample(NODE_ROLES.slice(1), f.r.int(4, 6));
  const nodes = ['Client', ...roles];
  const lines = [`flowchart ${dir}`];
  for (const role of nodes) lines.push(`    ${node(f, role)}[${f.entities[0].name} ${role}]`);
  for (let i = 1; i < nodes.length; i++) {
    const from = nodes[f.r.int(Math.max(0, i - 2), i - 1)];
    lines.push(`    ${node(f, from)} -->|${f.r.pick(['HTTP', 'async', 'SQL', 'event', 'DI', 'cache read'])}| ${node(f, nodes[i])}`);
  }
  lines.push(`    style ${node(f, nodes[1])} fill:#${['90EE90', '87CEEB', 'DDA0DD', 'F0E68C'][f.number % 4]}`);
  return fence('mermaid', lines);
}

export function sequence(f) {
  const ep = f.endpoints[f.r.int(0, f.endpoints.length - 1)];
  const p = (role) => `${role.charAt(0)}${f.tag}`;
  const roles = ['User', 'Frontend', 'API', 'Service', 'Database'];
  const lines = ['sequenceDiagram', ...roles.map((role) => `    participant ${p(role)} as ${role} ${f.tag}`), ''];
  lines.push(`    ${p('User')}->>${p('Frontend')}: ${f.r.pick(VERBS)} ${ep.entity.name}`);
  lines.push(`    ${p('Frontend')}->>${p('API')}: ${ep.method} ${ep.path}`);
  lines.push(`    ${p('API')}->>${p('Service')}: ${camel(ep.verb)}${ep.entity.name}()`);
  lines.push(`    ${p('Service')}->>${p('Database')}: ${ep.method === 'GET' ? 'SELECT' : ep.method === 'DELETE' ? 'DELETE' : 'UPSERT'} ${ep.entity.table}`);
  lines.push(`    ${p('Database')}-->>${p('Service')}: rows`);
  lines.push(`    ${p('Service')}-->>${p('API')}: ${ep.entity.name}`);
  lines.push(`    ${p('API')}-->>${p('Frontend')}: ${ep.responses[0][0]}`);
  lines.push(`    ${p('Frontend')}-->>${p('User')}: updated view`);
  return fence('mermaid', lines);
}

export function envBlock(f, lang = 'env') {
  return fence(lang, ['# Environment variables', ...f.config.flatMap((c) => [`# ${c.description}`, `${c.name}=${c.value}`])]);
}

export const targetBullets = (f) => f.targets.map((t) => `- ${t}`);

export function dependencyBullets(f) {
  if (f.dependencies.length === 0) return ['- None: this feature stands on its own'];
  return f.dependencies.map((d) => `- \`${d.id}\`: ${d.reason}`);
}

/** `- [x] ...` lines: the first `done` of `items` ticked. */
export const checkboxes = (items, done) => items.map((t, i) => `- [${i < done ? 'x' : ' '}] ${t}`);

export const endpointLine = (ep) => `${ep.method} ${ep.path}`;

export { fence, pascal };
