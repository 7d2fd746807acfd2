/**
 * Entities ("Data Models"): field tables, JSON-ish and YAML blocks under entity headings, TypeScript
 * interfaces, Prisma models and bullet-list fields. Entities of the same name in one document are merged
 * (the first occurrence of a field wins).
 */
import { diagnostic } from '../../diagnostic.js';
import type { Block, CodeBlock, Section } from '../../markdown/types.js';
import { ENTITY_NAME } from '../field-type.js';
import type { Entity, Field } from '../schema.js';
import { source, type DocContext } from './context.js';
import { itemEntity, listFields } from './entities/bullets.js';
import { shiftLines } from './entities/field.js';
import { jsonFields } from './entities/json-fields.js';
import { classifyLabel, entityName, labelText } from './entities/labels.js';
import { readLooseObject } from './entities/loose-json.js';
import { prismaModels } from './entities/prisma.js';
import { pythonClasses } from './entities/python.js';
import { inModelScope, scopeOf, TOP, type ScopeState } from './entities/scope.js';
import { tableFields } from './entities/table.js';
import { tsDeclarations } from './entities/typescript.js';
import { yamlEntity } from './entities/yaml-fields.js';

const TS_LANGS = ['typescript', 'ts', 'tsx', 'javascript', 'js', 'jsx'];
const JSON_LANGS = ['json', 'json5', 'jsonc', 'javascript', 'js', ''];
const YAML_LANGS = ['yaml', 'yml'];

class Entities {
  private readonly byName = new Map<string, Entity>();
  /** The field names of each entity (a scan of its fields per field was quadratic in a long table). */
  private readonly fieldNames = new Map<Entity, Set<string>>();
  constructor(private readonly ctx: DocContext) {}

  add(name: string, line: number, fields: Field[]): void {
    if (fields.length === 0) return;
    let e = this.byName.get(name);
    if (!e) {
      e = { name, fields: [], source: source(this.ctx, line) };
      this.byName.set(name, e);
      this.fieldNames.set(e, new Set());
    }
    const names = this.fieldNames.get(e)!;
    for (const f of fields) {
      if (names.has(f.name)) continue;
      names.add(f.name);
      e.fields.push(f.source ? { ...f, source: source(this.ctx, f.source.line) } : f);
    }
  }

  list(): Entity[] {
    return [...this.byName.values()];
  }
}

/** The entity a block belongs to: named by the label just before it, else by the section heading. */
interface Target {
  name: string;
  line: number;
}

/** First line of the code of a block (fenced code starts the line after the fence). */
const codeLine = (b: CodeBlock) => (b.fenced ? b.line + 1 : b.line);

function readCode(out: Entities, ctx: DocContext, block: CodeBlock, target: Target | null): void {
  const lang = block.lang;
  if (TS_LANGS.includes(lang) || (lang === '' && /^\s*(?:export\s+)?interface\s+\w+/m.test(block.code))) {
    const decls = tsDeclarations(block.code).filter((d) => d.fields.length > 0);
    for (const d of decls) {
      const line = decls.length === 1 && target ? target.line : codeLine(block) + d.line;
      out.add(d.name, line, shiftLines(d.fields, codeLine(block)));
    }
    if (decls.length > 0 || !JSON_LANGS.includes(lang)) return;
  }
  if (YAML_LANGS.includes(lang)) {
    const y = yamlEntity(block.code);
    if (y.error) {
      ctx.diagnostics.push(diagnostic('entity-yaml', 'warning', `data-model YAML block could not be read: ${y.error}`, ctx.path, codeLine(block)));
      return;
    }
    const name = y.name ?? target?.name;
    if (name) out.add(name, target ? target.line : codeLine(block), shiftLines(y.fields, codeLine(block)));
    return;
  }
  if (lang === 'prisma' || lang === 'python' || lang === 'py') {
    const models = lang === 'prisma' ? prismaModels(block.code) : pythonClasses(block.code);
    for (const m of models) out.add(m.name, models.length === 1 && target ? target.line : codeLine(block) + m.line, shiftLines(m.fields, codeLine(block)));
    return;
  }
  if (JSON_LANGS.includes(lang)) readJson(out, block, target);
}

/** JSON-ish block: `{ "field": "type" }`, `{ "Widget": { ... } }`, or (untagged) YAML-ish `key: type` lines. */
function readJson(out: Entities, block: CodeBlock, target: Target | null): void {
  if (block.lang === '' && !/^\s*[[{]/.test(block.code)) {
    const y = yamlEntity(block.code);
    const name = y.name ?? target?.name;
    if (!y.error && name && y.fields.length) return out.add(name, target ? target.line : codeLine(block), shiftLines(y.fields, codeLine(block)));
  }
  const obj = readLooseObject(block.code);
  if (!obj) return;
  const only = obj.entries.length === 1 ? obj.entries[0]! : null;
  if (only && only.value.kind === 'object' && ENTITY_NAME.test(only.key)) {
    return out.add(only.key, target ? target.line : codeLine(block) + only.line, shiftLines(jsonFields(only.value), codeLine(block)));
  }
  if (target) out.add(target.name, target.line, shiftLines(jsonFields(obj), codeLine(block)));
}

function readBlock(out: Entities, ctx: DocContext, block: Block, prev: Block | undefined, heading: Target | null): void {
  const label = classifyLabel(labelText(prev));
  if (label?.kind === 'skip') return;
  const target = label?.kind === 'entity' ? { name: label.name, line: prev!.line } : heading;
  if (block.kind === 'table') {
    const fields = tableFields(block);
    if (fields && target) out.add(target.name, target.line, fields);
  } else if (block.kind === 'code') {
    readCode(out, ctx, block, target);
  } else if (block.kind === 'list') {
    if (label?.kind === 'other') return;
    const mode = label ? 'fields' : 'strict';
    const fields: Field[] = [];
    for (const item of block.items) {
      const whole = label ? null : itemEntity(item.text, item.line);
      if (whole) out.add(whole.name, item.line, whole.fields);
      else fields.push(...listFields([item], mode));
    }
    if (target) out.add(target.name, target.line, fields);
  }
}

function readSection(out: Entities, ctx: DocContext, section: Section): void {
  const name = entityName(section.title);
  const heading = name ? { name, line: section.line } : null;
  section.blocks.forEach((block, i) => readBlock(out, ctx, block, section.blocks[i - 1], heading));
}

export function extractEntities(ctx: DocContext): Entity[] {
  const out = new Entities(ctx);
  // Sections in document order, each with what its enclosing headings say about model scope.
  const visit = (section: Section, parent: ScopeState) => {
    const state = scopeOf(section, parent);
    if (inModelScope(state, ctx.style)) readSection(out, ctx, section);
    else {
      for (const block of section.blocks) {
        if (block.kind !== 'code' || block.lang !== 'prisma') continue;
        const heading = entityName(section.title);
        const models = prismaModels(block.code);
        for (const m of models) out.add(m.name, models.length === 1 && heading === m.name ? section.line : codeLine(block) + m.line, shiftLines(m.fields, codeLine(block)));
      }
    }
    for (const c of section.children) visit(c, state);
  };
  try {
    for (const c of ctx.doc.root.children) visit(c, TOP);
  } catch (e) {
    ctx.diagnostics.push(diagnostic('entity-extract', 'error', `entities could not be read: ${String(e)}`, ctx.path));
  }
  return out.list();
}
