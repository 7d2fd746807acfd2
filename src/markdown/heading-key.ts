/**
 * Heading normalization: `## 3. 🚀 API Contracts:` and `### Endpoints` both become the key `api`.
 * The vocabulary (synonyms, a few translations) is the single place where section names are known.
 */
import { memoByString } from '../memo.js';
import { replaceParenthesized } from '../util/text.js';
import type { Section } from './types.js';

const SYNONYMS: Record<string, string[]> = {
  overview: ['overview', 'summary', 'introduction', 'description', 'purpose', 'goal', 'goals', 'context', '概述', '概览', '简介', 'resumen', 'descripcion general', 'vision general', 'visao geral', 'introduccion'],
  architecture: ['architecture', 'system architecture', 'architecture overview', 'high level architecture', 'technical architecture', 'system design', 'architecture diagram', 'component diagram', '架構', '架构', '系统架构', '系統架構', 'arquitectura', 'arquitetura'],
  components: ['components', 'core components', 'components and interfaces', 'key components', 'main components', 'component overview', 'components interfaces', '組件和介面', '组件和接口', '组件', '組件', 'componentes'],
  'data-models': ['data models', 'data model', 'models', 'entities', 'data structures', 'domain model', 'data entities', 'key entities', 'types', 'modelos de datos', '数据模型', '資料模型', '數據模型', '资料结构', '資料結構'],
  'database-schema': ['database schema', 'database', 'db schema', 'schema', 'tables', 'database design', 'database tables', 'sql schema', 'esquema de base de datos', '数据库设计', '数据库'],
  api: ['api endpoints', 'api contracts', 'api reference', 'endpoints', 'api', 'rest api', 'api design', 'api specification', 'api spec', 'http api', 'routes', 'api routes', 'contracts', 'endpoints api', 'api 设计', 'api 接口', 'api接口', 'endpoints de la api'],
  'file-plan': ['file plan', 'files', 'files to create', 'files to modify', 'files to delete', 'file changes', 'files changed', 'changed files', 'files to create modify', 'files to delete create modify', 'files to create and modify'],
  'file-structure': ['file structure', 'project structure', 'directory structure', 'folder structure', 'source code', 'estructura de archivos'],
  tasks: ['implementation tasks', 'tasks', 'task list', 'task breakdown', 'implementation steps', 'work items', 'todo', 'tareas', '任务', '任務'],
  dependencies: ['dependencies', 'dependencies on other features', 'feature dependencies', 'depends on', 'prerequisites', 'dependencias', '依赖'],
  configuration: ['configuration', 'config', 'environment variables', 'environment', 'env', 'settings', 'env vars', 'environment configuration', 'configuracion', '配置', '設定'],
  'quick-start': ['quick start', 'quickstart', 'getting started', 'configuracion rapida', 'inicio rapido', '快速开始', '快速開始'],
  'data-flow': ['data flow', 'dataflow', 'system data flow', 'request flow', 'flujo de datos', '数据流', '資料流'],
  testing: ['testing', 'testing strategy', 'tests', 'test plan', 'test strategy', 'pruebas', 'testes', '测试', '測試', '測試策略', '测试策略'],
  security: ['security', 'security considerations', 'seguridad', '安全', '安全性'],
  performance: ['performance targets', 'performance', 'performance requirements', 'performance goals', 'performance budget', 'slos', 'rendimiento', '性能'],
  decisions: ['design decisions', 'technology choices', 'decisions', 'key decisions', 'architecture decisions', 'architectural decisions', 'technical decisions', 'adr', 'decisiones'],
  'integration-points': ['integration points', 'integrations', 'external integrations', 'integration'],
  'technical-context': ['technical context', 'tech stack', 'stack', 'technology stack'],
  rollout: ['rollout plan', 'rollout', 'deployment plan', 'release plan', 'migration plan'],
  changelog: ['changelog', 'change log', 'history', 'version history', 'revision history', 'changes'],
  usage: ['usage', 'usage examples', 'examples', 'how to use', 'uso'],
  monitoring: ['monitoring', 'monitoring observability', 'observability', 'metrics', 'monitoreo'],
  'error-handling': ['error handling', 'errors', 'error cases', 'error responses'],
  'code-patterns': ['key code patterns', 'code patterns', 'patterns'],
  relationships: ['relationships', 'relations', 'foreign keys'],
  indexes: ['indexes', 'indices'],
  'rls-policies': ['rls policies', 'row level security', 'rls', 'policies'],
  troubleshooting: ['troubleshooting', 'common issues', 'faq'],
  requirements: ['requirements', 'functional requirements', 'user stories', 'user scenarios testing', 'acceptance criteria', 'user scenarios', '需求', '驗收標準', '验收标准'],
};

const LOOKUP = new Map<string, string>();
for (const [key, words] of Object.entries(SYNONYMS)) for (const w of words) LOOKUP.set(w, key);

/** Lower-case words of a heading: markup, emoji, numbering, punctuation and accents removed (memoized: headings repeat). */
export const headingWords: (title: string) => string = memoByString(computeWords, 50_000);

function computeWords(title: string): string {
  const unnumbered = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[`*_~]/g, '')
    .replace(/\p{Extended_Pictographic}|\uFE0F|\u200D/gu, ' ')
    .replace(/^\s*(?:(?:phase|part|step|section|chapter)\s+)?(?:[0-9]+(?:\.[0-9]+)*|[ivx]+|[a-z])[.):]\s+/u, '')
    .replace(/^\s*[0-9]+(?:\.[0-9]+)*\s+/, '')
    .replace(/&/g, ' ');
  return replaceParenthesized(unnumbered, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const WORDS = Symbol('headingWords');
type WithWords = Section & { [WORDS]?: { title: string; words: string } };

/**
 * `headingWords(section.title)`, kept on the section (a hidden, non-enumerable property): extractors
 * ask for the words of the same headings and their ancestors many times per document.
 */
export function sectionWords(section: Section): string {
  const s = section as WithWords;
  const hit = s[WORDS];
  if (hit !== undefined && hit.title === s.title) return hit.words;
  const words = headingWords(s.title);
  rememberWords(s, words);
  return words;
}

/** Keep `words` (= headingWords(section.title)) on the section; the parser does it as it builds the tree. */
export function rememberWords(section: Section, words: string): void {
  Object.defineProperty(section, WORDS, { value: { title: section.title, words }, writable: true, configurable: true, enumerable: false });
}

/** The normalized key of a heading: a vocabulary key when the words are a known synonym, else a slug. */
export function headingKey(title: string): string {
  return keyOfWords(headingWords(title));
}

/** headingKey from the heading's words. */
export function keyOfWords(words: string): string {
  const known = LOOKUP.get(words);
  if (known) return known;
  return words.replace(/\s+/g, '-');
}

/** True when the heading's key, or its words, name the given vocabulary key. */
export function isSection(key: string, concept: string): boolean {
  return key === concept;
}

export const SECTION_KEYS = Object.keys(SYNONYMS);
