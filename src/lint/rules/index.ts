/** The ordered rule registry. Ids are stable and never reused. */
import type { Rule } from '../types.js';
import headingStructure from './heading-structure.js';
import tableShape from './table-shape.js';
import noPlaceholder from './no-placeholder.js';

export const RULES: readonly Rule<unknown>[] = [
  headingStructure,
  tableShape,
  noPlaceholder,
];
