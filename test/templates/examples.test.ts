/** The examples/ workspace is the product's showcase: filled, consistent, one feature per style. */
import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import type { MarkdownDoc } from '../../src/markdown/types.js';
import { codeBlocks, findSections } from '../../src/markdown/walk.js';
import { docLastUpdated } from '../../src/model/meta.js';
import { detectStyle } from '../../src/model/style.js';
import { parseConfig } from '../../src/workspace/config.js';
import { loadWorkspace } from '../../src/workspace/load.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const FEATURES = [
  { id: '001-accounts', file: 'implementation.md', style: 'implementation', title: 'Accounts', depends: [] },
  { id: '002-collections', file: 'plan.md', style: 'plan', title: 'Collections', depends: ['001-accounts'] },
  { id: '003-bookmarks', file: 'design.md', style: 'design', title: 'Bookmarks', depends: ['001-accounts', '002-collections'] },
  { id: '004-sharing', file: 'technical-design.md', style: 'technical-design', title: 'Sharing', depends: ['001-accounts', '002-collections'] },
  { id: '005-notifications', file: 'feature-guide.md', style: 'feature-guide', title: 'Notifications', depends: ['001-accounts', '003-bookmarks', '004-sharing'] },
] as const;

interface Loaded { id: string; path: string; text: string; doc: MarkdownDoc }
const load = async (f: (typeof FEATURES)[number]): Promise<Loaded> => {
  const path = `docs/features/${f.id}/${f.file}`;
  const text = await readFile(new URL(path, EXAMPLES), 'utf8');
  return { id: f.id, path, text, doc: parseMarkdown(text, path).doc };
};

/** Code of the document's code blocks (nested ones included), optionally of one language only. */
const code = (doc: MarkdownDoc, lang?: string, section = doc.root) =>
  [...codeBlocks(section)].filter(({ block }) => lang === undefined || block.lang === lang).map(({ block }) => block.code);

/** The document's lines outside code blocks. */
function prose(l: Loaded): string {
  const inCode = new Set<number>();
  for (const { block } of codeBlocks(l.doc.root)) for (let i = block.line; i <= block.endLine; i++) inCode.add(i);
  return l.text.split('\n').filter((_, i) => !inCode.has(i + 1)).join('\n');
}

/** Field names a document declares: Data Models table rows and JSON keys, column bullets, SQL columns. */
function declaredFields(l: Loaded): Set<string> {
  const names = new Set<string>();
  for (const m of l.text.matchAll(/^\| ([a-z_]+) \| [a-z[\]]+ \| (?:yes|no|auto) \|/gm)) names.add(m[1]!);
  for (const m of l.text.matchAll(/^- `([a-z_]+)` \(/gm)) names.add(m[1]!);
  for (const sql of code(l.doc, 'sql')) for (const m of sql.matchAll(/^ {2}([a-z_]+) (?:uuid|text|timestamptz|integer|boolean)\b/gm)) names.add(m[1]!);
  for (const models of findSections(l.doc.root, 'data-models')) {
    for (const block of code(l.doc, 'json', models)) for (const k of Object.keys(JSON.parse(block) as object)) names.add(k);
  }
  return names;
}

/** Every object in a JSON value (nested ones included). */
function objects(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.flatMap(objects);
  if (v && typeof v === 'object') return [v as Record<string, unknown>, ...Object.values(v).flatMap(objects)];
  return [];
}

describe('examples workspace', () => {
  it('has a valid config', async () => {
    const cfg = parseConfig(await readFile(new URL('featspec.config.json', EXAMPLES), 'utf8'), 'featspec.config.json');
    expect(cfg.features).toEqual(['docs/features']);
  });

  it('loads five features, one per style, with clean titles', async () => {
    const { workspace } = await loadWorkspace(new URL('.', EXAMPLES).pathname);
    expect(workspace.features.map((f) => [f.id, f.title, f.docs.map((d) => d.style)])).toEqual(
      FEATURES.map((f) => [f.id, f.title, [f.style]]));
    expect(workspace.diagnostics).toEqual([]);
  });

  it.each(FEATURES)('$id is a $style document, parsed without diagnostics', async (f) => {
    const path = `docs/features/${f.id}/${f.file}`;
    const { doc, diagnostics } = parseMarkdown(await readFile(new URL(path, EXAMPLES), 'utf8'), path);
    expect(diagnostics).toEqual([]);
    expect(detectStyle(doc, path).style).toBe(f.style);
  });

  it.each(FEATURES)('$id has no placeholders, TBDs or template variables', async (f) => {
    const l = await load(f);
    const { text } = l;
    const outside = prose(l)
      .replace(/\[[ x]\]/g, '')              // checkboxes
      .replace(/\[[^\]\n]*\]\([^)]*\)/g, '') // links
      .replace(/\[\]/g, '');                 // array types
    expect(outside.match(/\[[^\]\n]+\]/g)).toBeNull();
    expect(text).not.toMatch(/\{\{|\bTBD\b|\bTODO\b|\bFIXME\b|TASK-XXX|\bXXX\b|lorem ipsum/i);
  });

  it.each(FEATURES)('$id states a past November 2026 date', async (f) => {
    const { doc } = await load(f);
    const date = docLastUpdated(doc);
    expect(date).toMatch(/^2026-11-\d\d$/);
    expect(date! <= '2026-11-22').toBe(true);
  });

  it.each(FEATURES)('$id lists the example features it depends on', async (f) => {
    const { text } = await load(f);
    const block = /(?:^## Dependencies\n|^\*\*Dependencies on Other Features\*\*:\n)((?:.+\n)+)/m.exec(text)?.[1] ?? '';
    const ids = [...block.matchAll(/^- (\d{3}-[a-z-]+): \S/gm)].map((m) => m[1]);
    expect(ids).toEqual([...f.depends]);
    for (const id of ids) expect(FEATURES.some((g) => g.id === id && g.id < f.id)).toBe(true);
  });

  it('keeps the implementation document within 100 lines', async () => {
    const { doc } = await load(FEATURES[0]);
    expect(doc.lines).toBeLessThanOrEqual(100);
  });

  it.each([
    ['002-collections', 'collections'], ['003-bookmarks', 'bookmarks'], ['004-sharing', 'shares'],
    ['005-notifications', 'subscriptions'], ['005-notifications', 'notifications'],
  ])('%s documents create, list, read, update and delete of %s', async (id, resource) => {
    const { text } = await load(FEATURES.find((f) => f.id === id)!);
    const base = `/api/v1/${resource}`;
    if (resource !== 'notifications') expect(text).toMatch(new RegExp(`POST ${base}\\b(?!/)`));
    expect(text).toMatch(new RegExp(`GET ${base}\\?page=1&limit=20`));
    expect(text).toContain(`GET ${base}/`);
    expect(text).toMatch(new RegExp(`(?:PATCH|PUT) ${base}/`));
    expect(text).toMatch(new RegExp(`DELETE ${base}/`));
    for (const status of ['400', '401', '404']) expect(text).toContain(status);
  });

  it.each(FEATURES)('$id: JSON examples parse and only use declared fields', async (f) => {
    const l = await load(f);
    const fields = declaredFields(l);
    const paging = new Set(['items', 'page', 'limit', 'total']);
    const examples = code(l.doc, 'json').map((b) => JSON.parse(b) as unknown);
    // Untagged request blocks: a "METHOD /path" line, then the JSON body.
    for (const b of code(l.doc, '')) {
      const m = /^(?:GET|POST|PUT|PATCH|DELETE) \/\S+\n([\s\S]+)$/.exec(b);
      if (m) examples.push(JSON.parse(m[1]!));
      else if (/^\{/.test(b)) examples.push(JSON.parse(b));
    }
    if (f.id === '001-accounts') return;
    expect(examples.length).toBeGreaterThan(0);
    const log = new Set(['timestamp', 'level', 'service', 'message', 'recipients', 'duration_ms']);
    for (const o of examples.flatMap(objects)) {
      if ('level' in o) continue;
      for (const k of Object.keys(o)) if (!paging.has(k) && !log.has(k)) expect(fields, `${f.id}: "${k}"`).toContain(k);
    }
  });

  it('declares RLS policies for every operation (plan bullets and SQL)', async () => {
    const plan = (await load(FEATURES[1])).text;
    for (const op of ['SELECT', 'INSERT', 'UPDATE', 'DELETE']) expect(plan).toMatch(new RegExp(`^- ${op}: \``, 'm'));
    const [sql] = code((await load(FEATURES[4])).doc, 'sql');
    for (const table of ['subscriptions', 'notifications']) {
      expect(sql).toContain(`CREATE TABLE ${table} (`);
      for (const op of ['SELECT', 'INSERT', 'UPDATE', 'DELETE']) expect(sql).toContain(`CREATE POLICY ${table}_${op.toLowerCase()} ON ${table} FOR ${op}`);
    }
  });

  it('the SQL parses as PostgreSQL', async () => {
    const pg = (await import('libpg-query')) as { parse: (sql: string) => Promise<{ stmts: unknown[] }>; loadModule?: () => Promise<void> };
    await pg.loadModule?.();
    const [sql] = code((await load(FEATURES[4])).doc, 'sql');
    expect((await pg.parse(sql!)).stmts).toHaveLength(15);
  });

  it('keeps secrets out: secret-like variables use ${VAR}, URLs use change-me', async () => {
    for (const f of FEATURES) {
      const { text } = await load(f);
      for (const m of text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)) {
        if (/SECRET|PASSWORD$|API_KEY|_TOKEN$|SMTP_URL/.test(m[1]!)) expect(m[2], `${f.id} ${m[1]}`).toMatch(/^\$\{[A-Z_]+\}$/);
        const creds = /:\/\/[^:/\s]+:([^@\s]+)@/.exec(m[2]!);
        if (creds) expect(creds[1]).toBe('change-me');
      }
    }
  });

  it('has only valid mermaid diagrams, of several kinds', async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document, DOMParser: dom.window.DOMParser });
    const { default: mermaid } = await import('mermaid');
    mermaid.initialize({ startOnLoad: false });
    const kinds: string[] = [];
    for (const f of FEATURES) {
      for (const diagram of code((await load(f)).doc, 'mermaid')) {
        const r = await mermaid.parse(diagram);
        kinds.push(r ? r.diagramType : 'invalid');
      }
    }
    expect(kinds.sort()).toEqual(['er', 'flowchart-v2', 'flowchart-v2', 'sequence', 'sequence', 'stateDiagram']);
  });
});
