/**
 * Cheaper configuration copies for mermaid, applied when the build bundles mermaid into
 * `dist/vendor/mermaid/` (scripts/vendor-mermaid.mjs; mermaid-load.ts prefers that bundle).
 *
 * Why: mermaid's `getConfig()` returns a fresh three-level copy of its ~900-key configuration made by
 * `assignWithDepth`, which defines every property with `Object.defineProperty` (~0.6 ms here); the
 * parsers call it for every vertex, actor and message, and every `parse` rebuilds the configuration
 * from the site's the same way two or three times: 70% of the time `mermaid.parse` spent on the
 * diagrams of a design document. Patched, both return the same values, built a cheaper way (see
 * HELPERS): ~0.08 ms a copy instead of ~0.6 ms, and a diagram check takes 3.5 ms instead of 12.4 ms.
 * Callers still get objects of their own down to the same depth as before, sharing the same deeper
 * objects, so nothing they do can reach another caller.
 *
 * The patch is a set of exact text replacements in mermaid's configuration module; for any other
 * mermaid build some text is not found and the bundle keeps mermaid's own functions.
 */

interface Replacement {
  find: string;
  replace: string;
  /** How many times `find` must occur. */
  times: number;
}

/** Where the configuration module starts: the helpers go just before it. */
const CONFIG_START = 'var defaultConfig = Object.freeze(defaultConfig_default);';

/**
 * `featspecCopyOf(src)` is `assignWithDepth({}, src)` (depth 2), which copies the top level and the
 * second level key by key, turns third-level objects into `Object.assign({}, o)` copies, copies arrays
 * (dropping repeated elements, which a copy it made no longer has) and skips null objects. Applied to
 * its own output it is therefore `featspecCopyConfig`, written with Object.assign (the configuration
 * holds plain objects, without symbol or `__proto__` keys, so it copies the same keys); so the
 * `assignWithDepth` copy of each source object is made once (kept in a WeakMap) and every call copies
 * that. A configuration that updateCurrentConfig builds is a copy of the site's with directives merged
 * into it the same way, so it is already in that form and serves as its own. A source must not change
 * after it was copied: mermaid replaces its current configuration rather than changing it; the site
 * configuration is changed in place, and the kept copies are dropped there.
 */
const HELPERS = `/* featspec: configuration copies made once per configuration object (see mermaid-patch.ts). */
var featspecCopies = /* @__PURE__ */ new WeakMap();
var featspecCopyConfig = /* @__PURE__ */ __name((c) => {
  const out = Object.assign({}, c);
  for (const k in out) {
    const v = out[k];
    if (typeof v !== "object" || v === null) continue;
    if (Array.isArray(v)) {
      out[k] = v.slice();
      continue;
    }
    const o = Object.assign({}, v);
    for (const k2 in o) {
      const w = o[k2];
      if (typeof w === "object" && w !== null) o[k2] = Array.isArray(w) ? w.slice() : Object.assign({}, w);
    }
    out[k] = o;
  }
  return out;
}, "featspecCopyConfig");
var featspecCopyOf = /* @__PURE__ */ __name((src) => {
  let made = featspecCopies.get(src);
  if (made === void 0) {
    made = assignWithDepth_default({}, src);
    featspecCopies.set(src, made);
  }
  return featspecCopyConfig(made);
}, "featspecCopyOf");
`;

/** mermaid 11's configuration functions, as its ESM build writes them, and their replacements. */
export const REPLACEMENTS: readonly Replacement[] = [
  { find: CONFIG_START, replace: `${HELPERS}${CONFIG_START}`, times: 1 },
  // updateCurrentConfig: every parse rebuilds the current configuration from the site's, two or three times.
  { find: '  let cfg = assignWithDepth_default({}, siteCfg);', replace: '  let cfg = featspecCopyOf(siteCfg);', times: 1 },
  // The configuration built is in the form copies have already (see HELPERS): it is its own copy.
  { find: '  currentConfig = cfg;', replace: '  featspecCopies.set(cfg, cfg);\n  currentConfig = cfg;', times: 1 },
  // setSiteConfig and updateSiteConfig change the site configuration in place.
  {
    find: '  siteConfig = assignWithDepth_default(siteConfig, conf);',
    replace: '  featspecCopies = /* @__PURE__ */ new WeakMap();\n  siteConfig = assignWithDepth_default(siteConfig, conf);',
    times: 2,
  },
  {
    find: 'var getConfig = /* @__PURE__ */ __name(() => {\n  return assignWithDepth_default({}, currentConfig);\n}, "getConfig");',
    replace: 'var getConfig = /* @__PURE__ */ __name(() => {\n  return featspecCopyOf(currentConfig);\n}, "getConfig");',
    times: 1,
  },
];

const count = (text: string, find: string) => text.split(find).length - 1;

/** The patched text of a mermaid file, or null unless every text to replace occurs as often as expected. */
export function patchMermaidConfig(source: string): string | null {
  if (REPLACEMENTS.some((r) => count(source, r.find) !== r.times)) return null;
  let out = source;
  for (const r of REPLACEMENTS) out = out.split(r.find).join(r.replace);
  return out;
}
