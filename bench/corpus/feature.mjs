/**
 * The facts of one generated feature (entities, endpoints, config, files, tasks, ...), drawn from a
 * seeded stream of its own, so feature i is the same whatever N is. The style writers render these facts.
 */
import { makeRandom } from './prng.mjs';
import {
  ACTIVITIES, AUTHS, BACKENDS, DATABASES, FIELDS, FRONTENDS, METRICS, NOUNS, QUALIFIERS, SERVICES,
  VERBS, kebab, pascal, plural, snake,
} from './words.mjs';

export const STYLES = ['implementation', 'design', 'plan', 'technical-design', 'feature-guide'];

const ENTITY_SUFFIXES = ['', 'Entry', 'Rule', 'Run', 'Snapshot', 'Link', 'Setting', 'Window', 'Batch', 'Event', 'Note', 'Slot'];
const DESCRIPTIONS = {
  string: 'Short label shown in lists', text: 'Free text written by the author', int: 'Counter kept by the service',
  bool: 'Toggle set from the settings screen', datetime: 'Moment recorded in UTC', date: 'Calendar day in the owner timezone',
  decimal: 'Amount with two decimals', json: 'Extra attributes kept as a document', list: 'Ordered list of names', uuid: 'Identifier',
};

/** Width of the NNNN number of a folder: at least 4 digits. */
export const numberWidth = (total) => Math.max(4, String(total).length);

/** Title, slug and folder id of feature `n`: cheap and pure, so later features can name earlier ones. */
export function identity(seed, n, total) {
  const r = makeRandom(seed, `identity:${n}`);
  const noun = r.pick(NOUNS);
  const title = `${r.pick(QUALIFIERS)} ${pascal(noun).replace(/([a-z])([A-Z])/g, '$1 $2')} ${r.pick(ACTIVITIES)}`;
  const slug = kebab(title.replace(/[^A-Za-z0-9]+/g, ' ').trim());
  return { number: n, noun, title, slug, id: `${String(n).padStart(numberWidth(total), '0')}-${slug}` };
}

function makeFields(r, entityNames, self) {
  const fields = [{ name: 'id', kind: 'uuid', required: false, generated: true, default: 'uuid4()', description: 'Primary key' }];
  for (const [name, kind] of r.sample(FIELDS, r.int(3, 8))) {
    const required = r.chance(0.6);
    fields.push({ name, kind, required, generated: false, default: required ? null : kind === 'bool' ? 'false' : kind === 'int' ? '0' : null, description: DESCRIPTIONS[kind] });
  }
  const others = entityNames.slice(entityNames.indexOf(self) + 1); // later entities only: no cycles
  if (others.length > 0 && r.chance(0.7)) {
    const target = r.pick(others);
    fields.push({ name: `${snake(target)}_id`, kind: 'uuid', required: true, generated: false, default: null, description: `Owning ${target}`, references: target });
  }
  fields.push({ name: 'created_at', kind: 'datetime', required: false, generated: true, default: 'utcnow()', description: 'Creation timestamp' });
  fields.push({ name: 'updated_at', kind: 'datetime', required: false, generated: true, default: 'utcnow()', description: 'Last update timestamp' });
  return fields;
}

function makeEntities(r, id) {
  const names = [];
  const count = r.int(1, 4);
  const nouns = [id.noun, ...r.sample(NOUNS.filter((n) => n !== id.noun), count - 1)];
  for (const noun of nouns) {
    let name = pascal(noun) + r.pick(ENTITY_SUFFIXES);
    while (names.includes(name)) name += 'Item';
    names.push(name);
  }
  return names.map((name) => ({ name, table: plural(snake(name)), resource: kebab(plural(snake(name))), fields: makeFields(r, names, name) }));
}

function makeEndpoints(r, entities) {
  const out = [];
  for (const [i, e] of entities.entries()) {
    const base = `/api/v1/${e.resource}`;
    const auth = r.chance(0.85) ? 'required' : 'none';
    const ops = i === 0 ? ['list', 'create', 'get', 'update', 'delete'] : r.sample(['list', 'create', 'get', 'update', 'delete'], r.int(1, 3));
    for (const op of ops) {
      if (op === 'list') out.push({ method: 'GET', path: base, auth, query: [['page', 'int', '1'], ['limit', 'int', '20']], request: null, responses: [[200, `Paginated${e.name}List`]], entity: e, verb: 'list' });
      if (op === 'create') out.push({ method: 'POST', path: base, auth, query: [], request: `Create${e.name}Request`, responses: [[201, `${e.name}Response`], [400, 'ValidationError'], ...(auth === 'required' ? [[401, 'UnauthorizedError']] : [])], entity: e, verb: 'create' });
      if (op === 'get') out.push({ method: 'GET', path: `${base}/{id}`, auth, query: [], request: null, responses: [[200, `${e.name}Response`], [404, 'NotFoundError']], entity: e, verb: 'get' });
      if (op === 'update') out.push({ method: r.chance(0.5) ? 'PUT' : 'PATCH', path: `${base}/{id}`, auth, query: [], request: `Update${e.name}Request`, responses: [[200, `${e.name}Response`], [404, 'NotFoundError']], entity: e, verb: 'update' });
      if (op === 'delete') out.push({ method: 'DELETE', path: `${base}/{id}`, auth, query: [], request: null, responses: [[204, null], [404, 'NotFoundError']], entity: e, verb: 'delete' });
    }
    if (i === 0 && r.chance(0.6)) {
      const verb = r.pick(VERBS);
      out.push({ method: 'POST', path: `${base}/{id}/${verb}`, auth: 'required', query: [], request: `${pascal(verb)}${e.name}Request`, responses: [[202, `${e.name}Response`], [409, 'ConflictError']], entity: e, verb });
    }
  }
  return out;
}

function makeDependencies(r, seed, n, total) {
  if (n === 1) return [];
  const count = Math.min(n - 1, r.int(0, 3));
  const picked = new Set();
  while (picked.size < count) picked.add(r.int(Math.max(1, n - 400), n - 1));
  return [...picked].sort((a, b) => a - b).map((m) => {
    const dep = identity(seed, m, total);
    return { id: dep.id, title: dep.title, reason: `${r.pick(['reads', 'reuses', 'extends', 'subscribes to'])} its ${plural(dep.noun.replace(/_/g, ' '))}` };
  });
}

function makeConfig(r, id, services) {
  const prefix = snake(id.slug).toUpperCase();
  const vars = [
    { name: `${prefix}_ENABLED`, value: 'true', description: 'Turns the feature on' },
    { name: `${prefix}_BATCH_SIZE`, value: String(r.pick([50, 100, 200, 500])), description: 'Rows handled per background job' },
  ];
  if (r.chance(0.6)) vars.push({ name: `${prefix}_TIMEOUT_MS`, value: String(r.pick([1500, 3000, 5000, 10000])), description: 'Upstream call timeout' });
  for (const s of services) vars.push({ name: `${snake(s.replace(/[^A-Za-z0-9]+/g, ' ').trim()).toUpperCase()}_API_KEY`, value: 'change-me', description: `Credentials for ${s}` });
  return vars;
}

function makeFiles(r, entities) {
  const files = [];
  for (const e of entities) {
    const s = snake(e.name);
    files.push({ path: `src/models/${s}.py`, action: 'CREATE', description: `${e.name} model` });
    files.push({ path: `src/schemas/${s}.py`, action: 'CREATE', description: 'Request and response schemas' });
  }
  const main = snake(entities[0].name);
  files.push({ path: `src/repositories/${main}_repo.py`, action: 'CREATE', description: 'Data access' });
  files.push({ path: `src/services/${main}_service.py`, action: 'CREATE', description: 'Business rules' });
  files.push({ path: `src/api/v1/routes/${entities[0].resource}.py`, action: 'CREATE', description: 'Route handlers' });
  files.push({ path: 'src/api/v1/router.py', action: 'MODIFY', description: 'Register the routes' });
  if (r.chance(0.5)) files.push({ path: `frontend/src/components/${entities[0].name}List.tsx`, action: 'CREATE', description: 'List screen' });
  if (r.chance(0.3)) files.push({ path: `src/legacy/${main}_helpers.py`, action: 'DELETE', description: 'Replaced by the service' });
  return files;
}

function makeTargets(r) {
  return [
    `API endpoints: < ${r.pick([120, 150, 200, 250, 300])}ms p95`,
    `List screen renders in < ${r.pick([1, 1.5, 2])} seconds`,
    `Background batch finishes in < ${r.pick([30, 60, 90])} seconds for ${r.pick([10, 50, 100])}k rows`,
    `Support ${r.pick([200, 500, 1000, 5000])} concurrent users`,
  ];
}

/** Everything one feature's document says, as plain data. */
export function makeFeature(seed, n, total) {
  const id = identity(seed, n, total);
  const r = makeRandom(seed, `feature:${n}`);
  const entities = makeEntities(r, id);
  const services = r.sample(SERVICES, r.int(1, 3));
  const year = r.pick([2024, 2025]);
  return {
    ...id,
    style: STYLES[(n - 1) % STYLES.length],
    tag: String(n).padStart(numberWidth(total), '0'),
    date: `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    entities,
    endpoints: makeEndpoints(r, entities),
    dependencies: makeDependencies(r, seed, n, total),
    services,
    config: makeConfig(r, id, services),
    files: makeFiles(r, entities),
    targets: makeTargets(r),
    stack: { frontend: r.pick(FRONTENDS), backend: r.pick(BACKENDS), database: r.pick(DATABASES), auth: r.pick(AUTHS) },
    metrics: r.sample(METRICS, 3),
    r,
  };
}
