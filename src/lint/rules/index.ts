/** The ordered rule registry. Ids are stable and never reused. */
import type { Rule } from '../types.js';
import dateFormat from './date-format.js';
import dependencyCycle from './dependency-cycle.js';
import dependencyExists from './dependency-exists.js';
import emptySection from './empty-section.js';
import endpointDuplicate from './endpoint-duplicate.js';
import endpointResponses from './endpoint-responses.js';
import entityId from './entity-id.js';
import exampleMatchesModel from './example-matches-model.js';
import fieldType from './field-type.js';
import filePlan from './file-plan.js';
import headingStructure from './heading-structure.js';
import jsonSyntax from './json-syntax.js';
import maxLines from './max-lines.js';
import mermaidSyntax from './mermaid-syntax.js';
import noPlaceholder from './no-placeholder.js';
import noSecrets from './no-secrets.js';
import referenceExists from './reference-exists.js';
import requiredSection from './required-section.js';
import rlsPolicy from './rls-policy.js';
import schemaRef from './schema-ref.js';
import sqlSyntax from './sql-syntax.js';
import tableShape from './table-shape.js';
import taskFilesInPlan from './task-files-in-plan.js';
import taskIdUnique from './task-id-unique.js';
import yamlSyntax from './yaml-syntax.js';

export const RULES: readonly Rule<unknown>[] = [
  noPlaceholder,
  requiredSection,
  emptySection,
  maxLines,
  headingStructure,
  tableShape,
  fieldType,
  entityId,
  endpointResponses,
  endpointDuplicate,
  schemaRef,
  exampleMatchesModel,
  dependencyExists,
  dependencyCycle,
  taskIdUnique,
  taskFilesInPlan,
  filePlan,
  referenceExists,
  jsonSyntax,
  yamlSyntax,
  dateFormat,
  rlsPolicy,
  noSecrets,
  mermaidSyntax,
  sqlSyntax,
] as Rule<unknown>[];
