/**
 * A faster `getConfig` for mermaid, applied when the build bundles mermaid into `dist/vendor/mermaid/`
 * (scripts/vendor-mermaid.mjs; mermaid-load.ts prefers that bundle).
 *
 * Why: mermaid's `getConfig()` returns a fresh three-level copy of its ~900-key configuration made by
 * `assignWithDepth`, which defines every property with `Object.defineProperty` (~0.6 ms here), and the
 * parsers call it for every vertex, actor and message: 70% of the time `mermaid.parse` spends on the
 * diagrams of a design document. The patched `getConfig` returns the same value, built a cheaper way:
 * the `assignWithDepth` copy is made once per configuration object (mermaid replaces the object
 * whenever the configuration changes, at least twice per `parse`), and each call returns a copy of that
 * copy made with plain assignments (~0.09 ms). Callers still get objects of their own down to the
 * same depth as before, sharing the same deeper objects, so nothing they do can reach another caller.
 *
 * The patch is an exact text replacement of mermaid's own function; for any other mermaid build the
 * text is not found and the bundle keeps mermaid's own getConfig.
 */

/** mermaid 11's getConfig, as its ESM build writes it. */
export const GET_CONFIG = `var getConfig = /* @__PURE__ */ __name(() => {
  return assignWithDepth_default({}, currentConfig);
}, "getConfig");`;

/**
 * The replacement. `assignWithDepth({}, c)` (depth 2) copies the top level and the second level key by
 * key, turns third-level objects into `Object.assign({}, o)` copies, copies arrays (dropping
 * repeated elements, which a copy it made no longer has) and skips null objects. Applied to its own
 * output it is therefore this copy, written with ordinary assignments.
 */
export const FAST_GET_CONFIG = `/* featspec: getConfig copies the assignWithDepth copy of each configuration object (see mermaid-patch.ts). */
var featspecConfigSource = null;
var featspecConfigCopy = null;
var featspecCopyConfig = /* @__PURE__ */ __name((c) => {
  const out = {};
  for (const k of Object.keys(c)) {
    const v = c[k];
    if (typeof v !== "object" || v === null) {
      out[k] = v;
    } else if (Array.isArray(v)) {
      out[k] = v.slice();
    } else {
      const o = {};
      for (const k2 of Object.keys(v)) {
        const w = v[k2];
        o[k2] = typeof w !== "object" || w === null ? w : Array.isArray(w) ? w.slice() : Object.assign({}, w);
      }
      out[k] = o;
    }
  }
  return out;
}, "featspecCopyConfig");
var getConfig = /* @__PURE__ */ __name(() => {
  if (featspecConfigSource !== currentConfig) {
    featspecConfigCopy = assignWithDepth_default({}, currentConfig);
    featspecConfigSource = currentConfig;
  }
  return featspecCopyConfig(featspecConfigCopy);
}, "getConfig");`;

/** The patched text of a mermaid file, or null when the file does not hold mermaid's getConfig exactly once. */
export function patchGetConfig(source: string): string | null {
  const at = source.indexOf(GET_CONFIG);
  if (at < 0 || source.indexOf(GET_CONFIG, at + 1) >= 0) return null;
  return source.slice(0, at) + FAST_GET_CONFIG + source.slice(at + GET_CONFIG.length);
}
