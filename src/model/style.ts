/**
 * Style detection: which of the document styles a file is written in, from its title words,
 * its file name and its section vocabulary. Front matter `style:` overrides everything.
 */
import { sectionWords } from '../markdown/heading-key.js';
import { plainText } from '../markdown/inline.js';
import { h1, sections } from '../markdown/walk.js';
import type { MarkdownDoc } from '../markdown/types.js';
import { STYLES } from './constants.js';
import type { Style } from './schema.js';

type Scored = Exclude<Style, 'unknown'>;

/** Section phrases (heading words) that point to a style, with weights. */
const VOCABULARY: Record<Scored, Record<string, number>> = {
  implementation: {
    'core components': 4, 'key code patterns': 4, 'code patterns': 3, 'database pattern': 2, 'api pattern': 2,
    'frontend pattern': 2, 'integration points': 2, 'file structure': 2, 'backend': 1, 'frontend': 1, 'frontend components': 1,
    configuration: 0.5,
  },
  design: {
    'file plan': 4, 'implementation tasks': 4, 'data models': 1.5, 'api endpoints': 1.5, 'design decisions': 2,
    overview: 0.5, architecture: 0.5,
  },
  plan: {
    'technical context': 4, 'technology choices': 4, 'database schema': 2, 'api contracts': 1, 'security considerations': 1.5,
    'performance targets': 2, 'monitoring observability': 1, 'error handling': 1, 'testing strategy': 1, 'component diagram': 1,
    'tables': 1, 'relationships': 1, 'integration points': 1, 'constitution check': 3, 'project structure': 2, 'summary': 0.5,
    'complexity tracking': 3, 'phase 0 outline research': 3, 'phase 1 design contracts': 3, 'phases': 1, 'tasks': 0.5, 'implementation phases': 1.5,
  },
  'technical-design': {
    'data flow': 2, 'state management': 3, 'implementation considerations': 3, 'rollout plan': 3, 'technical debt future considerations': 3,
    'external integrations': 1, 'data models': 1, 'api contracts': 1, 'components': 1.5, 'components and interfaces': 3, 'error handling': 1,
    'testing strategy': 1, 'correctness properties': 3, 'overview': 0.5, 'architecture': 0.5, 'edge cases': 1,
  },
  'feature-guide': {
    'quick start': 4, 'usage examples': 3, 'api reference': 2, 'troubleshooting': 3, 'changelog': 3, 'migration guide': 3,
    'related documentation': 2, 'purpose': 1.5, 'implementation details': 2, 'testing': 1, 'monitoring': 1, 'performance optimization': 2,
    'configuration': 1, 'key files': 1.5, 'overview': 0.5, 'common issues': 1,
  },
  requirements: {
    'requirements': 3, 'user scenarios testing': 4, 'functional requirements': 4, 'acceptance criteria': 2, 'user story': 2,
    'user stories': 3, 'key entities': 1, 'review acceptance checklist': 3, 'success criteria': 2, 'introduction': 0.5, 'glossary': 1,
  },
  tasks: { 'tasks': 1, 'phase 3 2 core implementation': 2, 'dependencies': 0.5, 'parallel example': 3, 'format id p story description': 4 },
  reference: { 'entities': 2, 'validation rules': 2, 'state transitions': 2, 'endpoints': 1, 'data model': 2, 'request': 0.5, 'response': 0.5 },
};

/** Canonical section keys (translated and synonym headings fold to these) that point to a style. */
const KEYS: Partial<Record<string, [Scored, number][]>> = {
  'components': [['technical-design', 1]],
  'data-flow': [['technical-design', 1]],
  'database-schema': [['plan', 1.5]],
  'rls-policies': [['plan', 2]],
  'quick-start': [['feature-guide', 2]],
  'troubleshooting': [['feature-guide', 1.5]],
  'file-plan': [['design', 2]],
  'requirements': [['requirements', 1]],
};

/** Phrases that count wherever they appear in a heading. */
const CONTAINS: [RegExp, Scored, number][] = [
  [/\brow level security\b|\brls\b/, 'plan', 2],
  [/\bddl\b|\bdatabase schema\b|\bdatabase design\b|\bmigration \d+/, 'plan', 1.5],
  [/\bresponse schemas?\b|\berror codes\b|\brequest formats?\b|\bresponse formats?\b/, 'reference', 2],
  [/\bendpoint specifications?\b/, 'design', 2],
];

/** The templates' own title forms: a document titled like this declares its style. */
const TEMPLATE_TITLES: [RegExp, Scored][] = [
  [/^FEAT-[\dX]+\s+Design\s*:/i, 'design'],
  [/\s[-–—]\s*Implementation Plan$/i, 'plan'],
  [/^Feature\s*:/i, 'feature-guide'],
  [/\sImplementation$/i, 'implementation'],
  [/\sDesign$/i, 'technical-design'],
];

/** Title patterns, checked on the H1's plain text. */
const TITLES: [RegExp, Scored][] = [
  [/\bimplementation plan\b/i, 'plan'],
  [/^(?:FEAT|FEATURE)[-_ ]?[\dX]+\b.*\bdesign\b/i, 'design'],
  [/^(?:FEAT|FEATURE)[-_ ]?[\dX]+(?:\.\d+)*\s*[:\-–—]/i, 'design'],
  [/^plan\s*[:\-–—]/i, 'plan'],
  [/[-–—:]\s*(?:api )?reference$/i, 'reference'],
  [/^(?:設計文檔|设计文档|設計文件|设计文件)/, 'technical-design'],
  [/^(?:需求文檔|需求文档)/, 'requirements'],
  [/^feature\s*:/i, 'feature-guide'],
  [/^feature specification\b/i, 'requirements'],
  [/^requirements(?: document)?\b/i, 'requirements'],
  [/^tasks\b|\btasks$|\bimplementation tasks\b|^task list\b/i, 'tasks'],
  [/^data model\b/i, 'reference'],
  [/^(?:api )?contracts?\b/i, 'reference'],
  [/\bimplementation$/i, 'implementation'],
  [/\bdesign(?: document)?$|^design document\b|^technical design\b/i, 'technical-design'],
  [/\bplan$/i, 'plan'],
];

/** File names that say what a document is (spec-kit and Kiro layouts). */
function fromFileName(path: string): Scored | null {
  const base = path.split('/').pop()!.toLowerCase();
  if (/(^|\/)contracts\//i.test(path)) return 'reference';
  if (base === 'data-model.md') return 'reference';
  if (base === 'spec.md' || base === 'requirements.md') return 'requirements';
  if (base === 'tasks.md') return 'tasks';
  if (base === 'plan.md') return 'plan';
  if (base === 'design.md' && /(^|\/)\.kiro\//.test(path)) return 'technical-design';
  return null;
}

export function isStyle(s: unknown): s is Style {
  return typeof s === 'string' && (STYLES as readonly string[]).includes(s);
}

export interface StyleResult {
  style: Style;
  /**
   * Why: `front-matter` or `template-title` (the document declares its style), `title` (title words),
   * `file-name` (spec-kit / Kiro names), `sections` (vocabulary), or `none`.
   */
  reason: 'front-matter' | 'template-title' | 'title' | 'file-name' | 'sections' | 'none';
}

export function detectStyle(doc: MarkdownDoc, path: string): StyleResult {
  const fm = doc.frontMatter['style'];
  if (isStyle(fm)) return { style: fm, reason: 'front-matter' };
  const named = fromFileName(path);
  if (named && named !== 'plan' && named !== 'technical-design') return { style: named, reason: 'file-name' };
  const title = h1(doc);
  const titleText = title ? plainText(title.title) : '';
  for (const [re, style] of TEMPLATE_TITLES) if (re.test(titleText)) return { style, reason: 'template-title' };
  for (const [re, style] of TITLES) if (re.test(titleText)) return { style, reason: 'title' };
  if (named) return { style: named, reason: 'file-name' };
  const scores = new Map<Scored, number>();
  const add = (style: Scored, w: number) => scores.set(style, (scores.get(style) ?? 0) + w);
  let taskHeadings = 0;
  let endpointHeadings = 0;
  for (const s of sections(doc.root)) {
    const words = sectionWords(s);
    for (const style of Object.keys(VOCABULARY) as Scored[]) {
      const w = VOCABULARY[style][words];
      if (w) add(style, w);
    }
    for (const [style, w] of KEYS[s.key] ?? []) add(style, w);
    for (const [re, style, w] of CONTAINS) if (re.test(words)) add(style, w);
    if (/^task[- ]?\d+/i.test(s.title)) taskHeadings++;
    if (/^(?:\d+\.\s*)?(?:GET|POST|PUT|PATCH|DELETE)?\s*`?\/[\w{}\-/:.]*`?/.test(s.title)) endpointHeadings++;
  }
  if (taskHeadings >= 2) add('design', 2);
  if (endpointHeadings >= 3) add('reference', 2);
  let best: Scored | null = null;
  let bestScore = 0;
  for (const [style, score] of scores) {
    if (score > bestScore) {
      best = style;
      bestScore = score;
    }
  }
  if (best && bestScore >= 2) return { style: best, reason: 'sections' };
  return { style: 'unknown', reason: 'none' };
}

/** Title without style words: "FEAT-002 Design: Bookmarks" -> "Bookmarks". */
export function cleanTitle(raw: string): string {
  let t = plainText(raw);
  t = t.replace(/^(?:FEAT|FEATURE)[-_ ]?[\dX]+\s*(?:design|implementation|plan|spec(?:ification)?)?\s*[:\-–—]\s*/i, '');
  t = t.replace(/^(?:feature(?: specification)?|implementation plan|technical design|design|tasks|data model|requirements(?: document)?|api contracts?|contracts?)\s*[:\-–—]\s*/i, '');
  t = t.replace(/\s*[-–—:]\s*implementation plan$/i, '');
  t = t.replace(/\s+(?:implementation plan|technical design|design document|design|implementation|feature guide|requirements document|requirements|tasks)$/i, '');
  t = t.replace(/^(?:design document|requirements document|implementation plan|tasks|design|requirements)$/i, '');
  return t.trim();
}
