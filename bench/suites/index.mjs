/**
 * The benchmark suites, by name. A suite module's default export is
 *   { name, title, async run(ctx) => { console: string, markdown: string } }
 * where ctx = { repo, corpus, runs, machine, workDir, log }. `markdown` becomes the suite's
 * section of docs/benchmarks.md (between its markers). Later: serve (vs json-server).
 */
export const SUITES = {
  parse: () => import('./parse.mjs'),
  lint: () => import('./lint.mjs'),
};
