/**
 * Pure helpers of the lint suite: read the two linters' outputs, pick the single documents, judge
 * a ratio against its target. No I/O here (tested in test/bench/lint-suite.test.ts).
 */

/**
 * `featspec lint --format json` output: the summary and the diagnostics counted by rule.
 * Throws when the text is not the JSON featspec documents (a broken build, a crash mid-write).
 * @param {string} text
 */
export function featspecCounts(text) {
  let j;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new Error(`featspec lint --format json printed invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Array.isArray(j?.diagnostics) || typeof j?.summary?.files !== 'number') {
    throw new Error('featspec lint --format json: no diagnostics array or summary in the output');
  }
  /** @type {Record<string, number>} */
  const byRule = {};
  for (const d of j.diagnostics) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  const { errors, warnings, files, features } = j.summary;
  return { diagnostics: j.diagnostics.length, errors, warnings, files, features, byRule };
}

/**
 * markdownlint-cli2's stdout: `Linting: N file(s)` and `Summary: M error(s)` (the findings
 * themselves go to stderr). Throws when either line is missing.
 * @param {string} text
 */
export function markdownlintCounts(text) {
  const files = /^Linting: (\d+) file\(s\)$/m.exec(text);
  const errors = /^Summary: (\d+) error\(s\)$/m.exec(text);
  if (!files || !errors) throw new Error(`markdownlint-cli2 printed no "Linting:"/"Summary:" lines:\n${text.slice(0, 500)}`);
  return { files: Number(files[1]), errors: Number(errors[1]) };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/;

/**
 * The info words of the fenced code blocks of a Markdown text, in order (e.g. ['mermaid', 'sql']).
 * @param {string} text
 */
export function fenceLanguages(text) {
  const out = [];
  let open = null;
  for (const line of text.split(/\r?\n/)) {
    const m = FENCE.exec(line);
    if (!open) {
      if (m) {
        open = m[1];
        out.push(m[2].toLowerCase());
      }
    } else if (m && m[1][0] === open[0] && m[1].length >= open.length && m[2] === '') open = null;
  }
  return out;
}

/**
 * The text without its fenced blocks of the given language (fences included); other lines kept.
 * @param {string} text
 * @param {string} lang
 */
export function dropFences(text, lang) {
  const out = [];
  let open = null;
  let dropping = false;
  for (const line of text.split('\n')) {
    const m = FENCE.exec(line);
    if (!open && m) {
      open = m[1];
      dropping = m[2].toLowerCase() === lang;
      if (!dropping) out.push(line);
      continue;
    }
    if (open && m && m[1][0] === open[0] && m[1].length >= open.length && m[2] === '') {
      open = null;
      if (!dropping) out.push(line);
      dropping = false;
      continue;
    }
    if (!dropping) out.push(line);
  }
  return out.join('\n');
}

/**
 * How a measured ratio stands against an upper-bound target.
 * @param {number} ratio measured (e.g. featspec wall / markdownlint wall)
 * @param {number} target the largest ratio that meets the target
 * @returns {{ met: boolean, over: number, text: string }} `over`: ratio / target (1.5 = 50 % over)
 */
export function verdict(ratio, target) {
  const over = ratio / target;
  const r = ratio.toFixed(2);
  const t = String(target);
  const text = ratio <= target
    ? `met (${r}× ≤ ${t}×)`
    : `not met: ${r}× against at most ${t}×, ${over.toFixed(1)} times the target`;
  return { met: ratio <= target, over, text };
}
