/**
 * The benchmark suites, by name. A suite module's default export is
 *   { name, title, corpus?: false, async run(ctx) => { console: string, markdown: string } }
 * where ctx = { repo, corpus, lintFeatures, runs, serveDuration, machine, workDir, rssMethod, log }.
 * `markdown` becomes the suite's section of docs/benchmarks.md (between its markers). A suite that
 * does not read the generated corpus sets `corpus: false` (ctx.corpus is then null when it runs alone).
 */
export const SUITES = {
  parse: () => import('./parse.mjs'),
  lint: () => import('./lint.mjs'),
  serve: () => import('./serve.mjs'),
  scale: () => import('./scale.mjs'),
};
