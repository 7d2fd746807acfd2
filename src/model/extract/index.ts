/** The extractors, one module per concern; each reads one document and returns model items. */
export { extractEntities } from './entities.js';
export { extractEndpoints } from './endpoints.js';
export { extractTables } from './tables.js';
export { extractFilePlan } from './file-plan.js';
export { extractTasks } from './tasks.js';
export { extractDependencies } from './dependencies.js';
export { extractConfig } from './config.js';
export { extractComponents } from './components.js';
export { extractDiagrams } from './diagrams.js';
export { extractTargets } from './targets.js';
export { extractDecisions } from './decisions.js';
export type { DocContext } from './context.js';
