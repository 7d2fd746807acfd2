/**
 * Components, read only under sections about components or architecture (`## Core Components`,
 * `### Backend`, `### Frontend`, `## Architecture`, `## Components and Interfaces`, translated headings
 * folded to those keys), never under error handling, testing, performance, security, data model,
 * API or configuration sections.
 *
 * - implementation bullets: `- **Model**: \`WidgetModel\` - desc` (kind from the label, name from the
 *   code span, file when the code span is a path);
 * - technical-design bullets: `- **Component Name**: purpose` (kind from the name's words);
 * - feature-guide items: `1. **Name** (\`src/path/x.py\`)` with a `- Purpose: ...` sub-bullet;
 * - Kiro sub-headings under a components heading: `### 1. LocalLoginForm Component`, `#### CustomerAccountService`,
 *   `#### 1. 股票管理服務 (StockManagementService)` (the identifier in parentheses is the name), with
 *   `**File**:`/`**Location**:` and `**Purpose**:` labels. Group headings (with sub-headings) and
 *   headings about APIs, schemas, DTOs, types or interfaces are not components.
 */
import { sectionWords } from '../../markdown/heading-key.js';
import { boldLabel, codeSpans } from '../../markdown/inline.js';
import type { ListItem, Section } from '../../markdown/types.js';
import type { Component } from '../schema.js';
import { ATTRIBUTE_LABEL, labelKind, nameKind } from './components-kind.js';
import { source, type DocContext } from './context.js';
import { itemText, sectionLabels } from './file-plan-labels.js';
import { firstPath, isPathLike, plainKeepCode } from './file-plan-paths.js';

const EXCLUDED_KEYS = new Set(['error-handling', 'testing', 'performance', 'security', 'data-models', 'database-schema', 'api',
  'configuration', 'monitoring', 'troubleshooting', 'file-structure', 'requirements', 'changelog', 'rollout', 'usage',
  'integration-points', 'data-flow', 'correctness-properties', 'decisions', 'tasks', 'file-plan']);
const SCOPE_WORDS = /\bcomponents?\b|組件|组件|^(?:backend|frontend)(?: (?:components?|architecture|services?|controllers?(?: services)?|layer))?$|^(?:system |technical |high level )?architecture$/;
const GROUP_WORDS = /\bcomponents?\b|組件|组件/;
/** Headings that group components (never a component themselves). */
const GROUP_HEADING = /\bcomponents\b|^(?:backend|frontend)(?: (?:architecture|services?|controllers?(?: services)?|layer))?$|^(?:system |technical |high level )?architecture$/;
const NOT_COMPONENT = /\b(?:api|apis|endpoints?|schemas?|database|dtos?|types|interfaces?|models|diagram|structure|flow|overview|update|updates|extension|changes|summary|notes|example|examples)\b|端點|接口|架構|架构/;
const FRONTEND = /\b(?:frontend|front end|ui|client|web)\b|前端/;

export function extractComponents(ctx: DocContext): Component[] {
  const out: Component[] = [];
  const raw = new Map<number, string>();
  for (const b of ctx.doc.blocks) if (b.kind === 'heading') raw.set(b.line, b.text);
  const visit = (s: Section, parent: Scope) => {
    const scope = scopeOf(s, parent);
    if (!scope.excluded && scope.components) {
      // A component's own heading: its bullets (Purpose, Props, categories...) describe it.
      if (isComponentHeading(s, parent)) out.push(headingComponent(ctx, s, raw.get(s.line) ?? s.title, scope.frontend));
      else {
        for (const b of s.blocks) {
          if (b.kind !== 'list') continue;
          for (const item of b.items) out.push(...itemComponents(ctx, item, scope.frontend));
        }
      }
    }
    for (const c of s.children) visit(c, scope);
  };
  for (const c of ctx.doc.root.children) visit(c, NO_SCOPE);
  return out.sort((a, b) => a.source.line - b.source.line);
}

/** What a section's headings, from the top down to it (itself included), say about components. */
interface Scope {
  /** Under a heading whose content is not components (API, testing, data models ...). */
  excluded: boolean;
  /** Under a components or architecture heading. */
  components: boolean;
  /** Under a heading that groups components (`Components`, `Frontend Components`). */
  group: boolean;
  /** Under a frontend heading. */
  frontend: boolean;
}

const NO_SCOPE: Scope = { excluded: false, components: false, group: false, frontend: false };

function scopeOf(s: Section, parent: Scope): Scope {
  const words = sectionWords(s);
  return {
    excluded: parent.excluded || EXCLUDED_KEYS.has(s.key),
    components: parent.components || s.key === 'components' || s.key === 'architecture' || SCOPE_WORDS.test(words),
    group: parent.group || s.key === 'components' || GROUP_WORDS.test(words),
    frontend: parent.frontend || FRONTEND.test(words),
  };
}

/** A leaf heading right under a components heading that is not itself about APIs, schemas or types. */
function isComponentHeading(s: Section, parent: Scope): boolean {
  if (s.children.length > 0 || !s.parent || s.parent.level === 0) return false;
  const words = sectionWords(s);
  if (s.key === 'components' || GROUP_HEADING.test(words) || NOT_COMPONENT.test(words)) return false;
  return parent.group;
}

function itemComponents(ctx: DocContext, item: ListItem, frontend: boolean): Component[] {
  const first = itemText(ctx.doc, item).split('\n')[0] ?? '';
  const at = source(ctx, item.line);
  const label = boldLabel(first);
  if (label) {
    const kind = labelKind(label.label);
    if (kind) return implementationItems(label.value, kind, at);
    if (ATTRIBUTE_LABEL.test(label.label)) return [];
    const file = codeSpans(label.value).find(isPathLike) ?? null;
    return [{ name: label.label, kind: nameKind(label.label, frontend), file, description: plainKeepCode(label.value) || null, source: at }];
  }
  const guide = /^\s*(\*\*|__)(.+?)\1\s*(?:\(([^)]*)\))?\s*(?:[-–—:]\s*(.*))?$/.exec(first);
  if (!guide) return [];
  const name = plainKeepCode(guide[2]!).replace(/[:.]$/, '');
  const file = guide[3] ? firstPath(guide[3]) : null;
  const purpose = subLabel(item, /^(?:purpose|description|responsibilit(?:y|ies))$/i);
  return [{ name, kind: nameKind(name, frontend), file, description: purpose ?? (guide[4] ? plainKeepCode(guide[4]) : null), source: at }];
}

/** `\`WidgetModel\` - desc`, `\`A\`, \`B\` - desc`, `\`src/models/widget.py\` - desc`, `WidgetModel - desc`. */
function implementationItems(value: string, kind: Component['kind'], at: Component['source']): Component[] {
  const sep = /\s+[-–—]\s+|:\s+/.exec(value.replace(/`[^`]*`/g, (m) => 'x'.repeat(m.length)));
  const head = sep ? value.slice(0, sep.index) : value;
  const description = sep ? plainKeepCode(value.slice(sep.index + sep[0].length)) || null : null;
  const spans = codeSpans(head);
  const names = spans.length ? spans : [plainKeepCode(head)].filter(Boolean);
  return names.map((n) => {
    const file = isPathLike(n) && /[/.]/.test(n) ? n : null;
    const name = file ? file.replace(/\/+$/, '').split('/').pop()!.replace(/\.[^.]+$/, '') : n;
    return { name, kind, file, description, source: at };
  });
}

/** The value of a `Purpose: ...` / `**Purpose**: ...` sub-bullet of a list item. */
function subLabel(item: ListItem, re: RegExp): string | null {
  for (const c of item.children) {
    if (c.kind !== 'list') continue;
    for (const it of c.items) {
      const line = it.text.split('\n')[0] ?? '';
      const l = boldLabel(line);
      if (l && re.test(l.label)) return plainKeepCode(l.value) || null;
      const m = /^([^:]{1,40}):\s*(.+)$/.exec(plainKeepCode(line));
      if (m && re.test(m[1]!.trim())) return m[2]!.trim() || null;
    }
  }
  return null;
}

function headingComponent(ctx: DocContext, s: Section, rawTitle: string, frontend: boolean): Component {
  let text = plainKeepCode(rawTitle).replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+/, '').trim();
  let file: string | null = null;
  let fallback: string | null = null;
  const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(text);
  if (paren) {
    const inner = paren[2]!.trim();
    if (isPathLike(inner)) {
      file = inner;
      text = paren[1]!.trim() || inner;
    } else if (/^[A-Za-z_$][\w$.]*$/.test(inner) && /[A-Z]/.test(inner)) {
      fallback = paren[1]!.trim() || null;
      text = inner;
    }
  }
  if (isPathLike(text)) file ??= text;
  let description: string | null = null;
  for (const hit of sectionLabels(s)) {
    if (!file && /^(?:file|files|location|path|source)$/i.test(hit.label)) file = firstPath(hit.value);
    if (!description && /^(?:purpose|description|responsibilit(?:y|ies))$/i.test(hit.label)) description = plainKeepCode(hit.value) || null;
  }
  if (!description) {
    const para = s.blocks.find((b) => b.kind === 'paragraph' && !boldLabel(b.text));
    if (para && para.kind === 'paragraph') description = plainKeepCode(para.text) || null;
  }
  return { name: text, kind: nameKind(text, frontend), file, description: description ?? fallback, source: source(ctx, s.line) };
}
