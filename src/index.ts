export * from './model/schema.js';
export type { Diagnostic, Severity } from './diagnostic.js';
export { parseMarkdown } from './markdown/parse.js';
export { loadWorkspace } from './workspace/load.js';
export { detectStyle } from './model/style.js';
export { buildFeature } from './model/feature.js';
