/**
 * Decisions.
 *
 * - Under a decisions heading (`## Design Decisions`, `## Technology Choices`, `## Critical Decisions`,
 *   `## Key Architectural Decisions`):
 *   - bullets `- Decision: rationale` (title before the first colon, text after it);
 *     `- Decision 1: Alembic - simplest stack` (a bare "Decision N" title) → title "Alembic", text after " - ";
 *     `- **Title**: text`; `1. **Separate tables.** Avoids migration risk.` (bold lead sentence = title);
 *   - sub-headings `### Choice 1: Server Components`, `### Decision 2: X`, `### ADR-001: X`, `### X`
 *     (title = the part after "Choice N:"); text = the `**Decision**:` value and the `**Rationale**:`
 *     bullets as plain lines, else the first paragraph.
 * - ADR headings anywhere: `### Decision: Use X`, `### ADR-001: Use X`.
 * - `**Decision**:` labels elsewhere (title = the section's heading) and `**Structure Decision**:`
 *   style labels (title = the label).
 */
import { sectionWords } from '../../markdown/heading-key.js';
import { boldLabel } from '../../markdown/inline.js';
import { sectionBlocks, sections } from '../../markdown/walk.js';
import type { ListBlock, Section } from '../../markdown/types.js';
import type { Decision } from '../schema.js';
import { source, type DocContext } from './context.js';
import { documentLabels, itemText, sectionLabels } from './file-plan-labels.js';
import { plainKeepCode } from './file-plan-paths.js';

const DECISION_WORDS = /\bdecisions\b|\btechnology choices\b|\btechnical choices\b|\bdesign choices\b|^adrs?$|\bdecision records\b|\bdecisiones\b/;
const SUB_PREFIX = /^(?:(?:choice|decision|option|adr)[-\s]*\d*[a-z]?|\d+(?:\.\d+)*)\s*[:.)\-–—]\s*/i;
const ADR_HEADING = /^(?:decision(?:\s+\d+)?|adr[-\s]?\d+)\s*[:\-–—]\s*(.+)$/i;

export function extractDecisions(ctx: DocContext): Decision[] {
  const out: Decision[] = [];
  const claimed = new Set<Section>();
  for (const s of sections(ctx.doc.root)) {
    if (claimed.has(s)) continue;
    const adr = ADR_HEADING.exec(s.title.trim());
    if (adr) {
      out.push(headingDecision(ctx, s, adr[1]!.trim()));
      for (const d of [s, ...sections(s)]) claimed.add(d);
      continue;
    }
    if (s.key === 'decisions' || DECISION_WORDS.test(sectionWords(s))) {
      for (const b of s.blocks) if (b.kind === 'list') out.push(...bulletDecisions(ctx, b));
      for (const c of s.children) {
        out.push(headingDecision(ctx, c, c.title.replace(SUB_PREFIX, '').trim() || c.title));
        for (const d of [c, ...sections(c)]) claimed.add(d);
      }
      for (const d of [s, ...sections(s)]) claimed.add(d);
    }
  }
  for (const hit of documentLabels(ctx.doc.root)) {
    if (claimed.has(hit.section) || !/decision$/i.test(hit.label) || !hit.value) continue;
    const title = /^decision$/i.test(hit.label) ? hit.section.title || 'Decision' : hit.label;
    const rationale = labelValue(hit.section, /^rationale$/i);
    const text = [plainKeepCode(hit.value), rationale].filter(Boolean).join('\n');
    out.push({ title, text, source: source(ctx, hit.line) });
  }
  return out.sort((a, b) => a.source.line - b.source.line);
}

function bulletDecisions(ctx: DocContext, list: ListBlock): Decision[] {
  const out: Decision[] = [];
  for (const item of list.items) {
    const raw = itemText(ctx.doc, item);
    const first = raw.split('\n')[0] ?? '';
    const at = source(ctx, item.line);
    const label = boldLabel(first);
    if (label) {
      out.push({ title: label.label, text: plainKeepCode(label.value), source: at });
      continue;
    }
    const lead = /^\s*(\*\*|__)(.+?)\1\s*(.*)$/.exec(first);
    if (lead) {
      out.push({ title: plainKeepCode(lead[2]!).replace(/[.:]$/, ''), text: plainKeepCode(lead[3]!), source: at });
      continue;
    }
    const plain = plainKeepCode(raw.replace(/\n/g, ' '));
    if (!plain) continue;
    const colon = /^(.+?):\s+(.*)$/.exec(plain);
    let title = colon ? colon[1]!.trim() : plain;
    let text = colon ? colon[2]!.trim() : '';
    const dash = /^(.+?)\s+[-–—]\s+(.*)$/.exec(text);
    if (/^decision\s*\d*$/i.test(title) && dash) [title, text] = [dash[1]!.trim(), dash[2]!.trim()];
    out.push({ title, text, source: at });
  }
  return out;
}

/** A decision written as a heading: the Decision value and Rationale bullets, else the first paragraph. */
function headingDecision(ctx: DocContext, s: Section, title: string): Decision {
  const lines: string[] = [];
  const decision = labelValue(s, /^decision$/i);
  if (decision) lines.push(decision);
  for (const hit of sectionLabels(s)) {
    if (!/^rationale$/i.test(hit.label)) continue;
    if (hit.value) lines.push(plainKeepCode(hit.value));
    if (hit.list) for (const it of hit.list.items) lines.push(plainKeepCode(it.text.replace(/\n/g, ' ')));
  }
  if (lines.length === 0) {
    for (const { block } of sectionBlocks(s)) {
      if (block.kind === 'paragraph') {
        lines.push(plainKeepCode(block.text.replace(/\n/g, ' ')));
        break;
      }
    }
  }
  return { title, text: lines.filter(Boolean).join('\n'), source: source(ctx, s.line) };
}

function labelValue(s: Section, re: RegExp): string | null {
  for (const hit of sectionLabels(s)) if (re.test(hit.label) && hit.value) return plainKeepCode(hit.value);
  return null;
}
