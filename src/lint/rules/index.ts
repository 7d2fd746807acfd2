/** The ordered rule registry. Ids are stable and never reused. */
import type { Rule } from '../types.js';
import dateFormat from './date-format.js';
import emptySection from './empty-section.js';
import headingStructure from './heading-structure.js';
import jsonSyntax from './json-syntax.js';
import maxLines from './max-lines.js';
import noPlaceholder from './no-placeholder.js';
import noSecrets from './no-secrets.js';
import requiredSection from './required-section.js';
import tableShape from './table-shape.js';
import yamlSyntax from './yaml-syntax.js';

export const RULES: readonly Rule<unknown>[] = [
  noPlaceholder,
  requiredSection,
  emptySection,
  maxLines,
  headingStructure,
  tableShape,
  jsonSyntax,
  yamlSyntax,
  dateFormat,
  noSecrets,
] as Rule<unknown>[];
