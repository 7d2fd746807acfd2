/** Model look-ups shared by several rules. */
import { entityNameOf, singular } from '../compile/names.js';
import { normalizeType } from '../model/field-type.js';
import type { Endpoint, Entity, Feature, Table, Workspace } from '../model/schema.js';
import { referencedNumber } from '../workspace/feature-id.js';

/**
 * A template's leftover in a name or a path (`/api/v1/[resources]`, `[Entity Name]`). Paths come out of the
 * extractor with route parameters already as `{id}` (`/users/[id]` too), so a bracket left in one is a
 * placeholder; no-placeholder reports it once, and the rules about endpoints and entities skip it.
 */
export const isTemplateLeftover = (text: string): boolean => /[[\]]/.test(text);

/** An endpoint written as a specification (auth, request or responses), not merely mentioned in prose. */
export function isSpecified(e: Endpoint): boolean {
  return e.responses.length > 0 || e.auth !== 'unspecified' || e.request !== null || e.requestExample !== null;
}

/** `002-bookmarks`, `FEAT-002`, `002` -> the workspace feature, or a reason it does not resolve. */
export function resolveFeature(ws: Workspace, ref: string): { feature: Feature } | { problem: string } {
  const exact = ws.features.find((f) => f.id === ref || f.id.toLowerCase() === ref.toLowerCase());
  if (exact) return { feature: exact };
  const n = referencedNumber(ref);
  if (n === null) {
    const bySlug = ws.features.find((f) => f.slug === ref);
    return bySlug ? { feature: bySlug } : { problem: `no feature "${ref}" in the workspace` };
  }
  const byNumber = ws.features.filter((f) => f.number === n);
  if (byNumber.length === 0) return { problem: `no feature numbered ${String(n).padStart(3, '0')} in the workspace` };
  const slug = /^(?:feat(?:ure)?[-_ ]?)?\d+[-_](.+)$/i.exec(ref)?.[1];
  const match = slug ? byNumber.find((f) => f.slug === slug) : byNumber[0];
  if (!match) return { problem: `"${ref}" names feature ${String(n).padStart(3, '0')}, which is ${byNumber.map((f) => f.id).join(', ')}` };
  return { feature: match };
}

export const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

export { singular };

/** A database table read as an entity: `bookmark_tags` -> `BookmarkTag`, columns as fields. */
export function tableEntity(t: Table): Entity {
  return {
    name: entityNameOf(t.name),
    source: t.source,
    fields: t.columns.map((c) => ({
      name: c.name,
      type: normalizeType(c.type),
      rawType: c.type,
      required: c.nullable === false && c.default === null && !c.primaryKey,
      generated: c.primaryKey || c.default !== null,
      default: c.default,
      description: c.description,
    })),
  };
}

/** Every entity of the workspace by folded name (first definition wins; tables count when no entity has their name). */
export function entityIndex(ws: Workspace): Map<string, { entity: Entity; feature: Feature }> {
  const m = new Map<string, { entity: Entity; feature: Feature }>();
  for (const feature of ws.features) for (const entity of feature.entities) if (!m.has(fold(entity.name))) m.set(fold(entity.name), { entity, feature });
  for (const feature of ws.features) {
    for (const t of feature.tables) {
      const entity = tableEntity(t);
      if (!m.has(fold(entity.name))) m.set(fold(entity.name), { entity, feature });
    }
  }
  return m;
}

const STANDARD = new Set(['validationerror', 'unauthorizederror', 'unauthorized', 'forbiddenerror', 'forbidden', 'notfounderror', 'notfound', 'conflicterror', 'conflict',
  'error', 'errorresponse', 'problem', 'problemdetails', 'problemjson', 'httperror', 'badrequest', 'badrequesterror', 'internalerror', 'internalservererror',
  'servererror', 'ratelimiterror', 'toomanyrequests', 'nocontent', 'empty', 'none', 'ok', 'created', 'accepted', 'successresponse', 'success', 'void', 'null']);

const WRAPPERS = /^(?:PaginatedResponse|Paginated|Page|List|Array|Paged|Collection)\s*[[<(](.+)[\]>)]$/i;

/** `PaginatedResponse[NoteDetail]` -> `NoteDetail`: the type a schema name carries, wrappers and `[]` removed. */
function unwrapSchema(name: string): string {
  let n = name.trim().replace(/^`|`$/g, '');
  for (let i = 0; i < 3; i++) {
    const w = WRAPPERS.exec(n);
    if (w) n = w[1]!.trim();
  }
  return n.replace(/\[\]$/, '');
}

const stripAffixes = (n: string) => n
  .replace(/^(?:Create|Update|New|Patch|Replace)(?=[A-Z])/, '')
  .replace(/(?:Create|Update|Patch|Request|Response|Input|Output|Schema|Dto|DTO|Body|Payload|Detail|Details|Summary|Out|In|Read|Public|List|Item)+$/, '');

/**
 * The entity a schema name refers to, the one it is a variant of: `Widget`, `WidgetCreate`,
 * `CreateWidgetRequest`, `PaginatedResponse[Widget]`, `Widget[]` all give `Widget`.
 */
export function schemaEntity(name: string): string {
  return stripAffixes(unwrapSchema(name));
}

/**
 * The entity names a schema name can mean, shortest first: the entity it is a variant of (`Notification`),
 * then the type as written (`NotificationDetail`, which a document may define as an entity of its own; it
 * wins when both are). Shortest first because, in a lint of some documents, looking up the shorter name
 * builds every feature the longer one could need (lint/scoped.ts).
 */
export function schemaEntityNames(name: string): string[] {
  const written = unwrapSchema(name);
  const base = stripAffixes(written);
  return base && base !== written ? [base, written] : [written];
}

/** Whether a schema name resolves: to an entity, a standard error or an explicit "no content". */
export function resolvesSchema(name: string, entities: Map<string, unknown>): boolean {
  const f = fold(name);
  if (STANDARD.has(f) || /^no\s*content$/i.test(name.trim())) return true;
  const base = fold(schemaEntity(name));
  if (base && STANDARD.has(base)) return true;
  return schemaEntityNames(name).some((n) => fold(n) !== '' && (entities.has(fold(n)) || entities.has(fold(singular(n)))));
}

/** A schema cell that names a schema (an identifier), rather than describing the body in words. */
export function looksLikeSchemaName(text: string): boolean {
  return /^`?[A-Za-z_][\w]*(?:\s*[[<(][\w\s,[\]<>]+[\]>)])?(?:\[\])?`?$/.test(text.trim());
}

/** `/api/v1/gadgets/{id}` -> `Gadget`: the resource segment of a path, singular, PascalCase. */
export function pathResource(path: string): string | null {
  const segs = path.split('/').filter((s) => s && !/^\{.*\}$/.test(s) && !/^v\d+$/i.test(s) && s !== 'api');
  const last = segs[segs.length - 1];
  if (!last) return null;
  return singular(last).split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}
