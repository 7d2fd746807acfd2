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

/** What the headings from the document's top down to a section say about model scope. */
export interface ScopeState {
  /** An endpoint heading encloses the section (or is it). */
  endpoint: boolean;
  /** The nearest data-model or API heading at or above the section (a data-model heading wins at one level). */
  nearest: 'model' | 'api' | null;
}

export const TOP: ScopeState = { endpoint: false, nearest: null };

/** The state of a section from its parent's. */
export function scopeOf(section: Section, parent: ScopeState): ScopeState {
  const endpoint = parent.endpoint || isEndpointHeading(section.title);
  const nearest = modelHeading(section) ? 'model' : API_KEYS.includes(section.key) ? 'api' : parent.nearest;
  return endpoint === parent.endpoint && nearest === parent.nearest ? parent : { endpoint, nearest };
}

/**
 * True when the section's own blocks are read for entities: it lies under a data-model heading, or the
 * document is a reference (spec-kit data-model.md), and no endpoint or API heading encloses it (an API
 * heading above the data-model heading does not count).
 */
export function inModelScope(state: ScopeState, style: Style): boolean {
  if (state.endpoint) return false;
  return state.nearest === 'model' || (state.nearest === null && style === 'reference');
}
