/** Which sections of a document hold data models. */
import { sectionWords } from '../../../markdown/heading-key.js';
import type { Section } from '../../../markdown/types.js';
import type { Style } from '../../schema.js';
import { isEndpointHeading } from './labels.js';

/** Sections that describe an API, where JSON and interfaces are request and response bodies. */
const API_KEYS = ['api', 'integration-points', 'error-handling', 'testing', 'usage', 'quick-start', 'troubleshooting'];

/** Headings that hold models without being the `data-models` key: "Response Schemas", "Core Entities", "Pydantic Models". */
function modelHeading(s: Section): boolean {
  if (s.key === 'data-models' || /(?:數據|数据|資料|资料)模型|(?:实体|實體)$/.test(s.title)) return true;
  return /\b(?:models|schemas|entities|data model|data types|data structures)$/.test(sectionWords(s)) && !/\bdatabase\b/.test(sectionWords(s));
}

/**
 * True when the section's own blocks are read for entities: it lies under a data-model heading, or the
 * document is a reference (spec-kit data-model.md), and no endpoint or API heading encloses it.
 */
export function inModelScope(section: Section, style: Style): boolean {
  let model = false;
  for (let s: Section | null = section; s && s.level > 0; s = s.parent) {
    if (isEndpointHeading(s.title)) return false;
    if (modelHeading(s)) model = true;
    if (!model && API_KEYS.includes(s.key)) return false;
  }
  return model || style === 'reference';
}
