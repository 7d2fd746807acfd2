/**
 * The model's closed vocabularies, without zod: extractors and rules import them from here, so that
 * a lint does not build the zod model schema (schema.ts uses them for its enums and re-exports them).
 */
export const STYLES = ['implementation', 'design', 'plan', 'technical-design', 'feature-guide', 'requirements', 'tasks', 'reference', 'unknown'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const POLICY_OPERATIONS = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'ALL'] as const;
export const COMPONENT_KINDS = ['model', 'repository', 'service', 'routes', 'component', 'hook', 'context', 'api', 'other'] as const;

/** The lists of a Feature that the extractors fill, one extractor each (model/feature.ts). */
export const MODEL_LISTS = ['entities', 'endpoints', 'tables', 'filePlan', 'tasks', 'dependencies', 'config', 'components', 'diagrams', 'targets', 'decisions'] as const;
export type ModelList = (typeof MODEL_LISTS)[number];
