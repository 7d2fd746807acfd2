/**
 * One target line: `API endpoints: < 200ms p95` → metric "API endpoints", value 200, unit "ms";
 * `Support: 1000 concurrent users` → 1000 "concurrent users"; `99.9% uptime` → 99.9 "%";
 * `Support: [Number] concurrent users` → value null (a placeholder), unit "concurrent users";
 * `click jitter under 5 ms` → metric "click jitter". Units are normalized (ms, s, min, h, %, KB, MB,
 * GB, TB, req/s, req/min, fps); other units are the word(s) after the number, lower-cased.
 */
export interface ParsedTarget { metric: string | null; value: number | null; unit: string | null; placeholder: boolean }

const UNITS: [RegExp, string][] = [
  [/^(?:ms|msec|millis(?:econds?)?|milliseconds?)\b/i, 'ms'],
  [/^(?:req(?:uests?)?\s*(?:\/|per)\s*(?:s|sec|second))\b|^rps\b|^qps\b/i, 'req/s'],
  [/^(?:req(?:uests?)?\s*(?:\/|per)\s*(?:m|min|minute))\b|^rpm\b/i, 'req/min'],
  [/^(?:s|secs?|seconds?)\b/i, 's'],
  [/^(?:mins?|minutes?)\b/i, 'min'],
  [/^(?:h|hrs?|hours?)\b/i, 'h'],
  [/^%/, '%'],
  [/^kb\b|^kib\b/i, 'KB'],
  [/^mb\b|^mib\b/i, 'MB'],
  [/^gb\b|^gib\b/i, 'GB'],
  [/^tb\b|^tib\b/i, 'TB'],
  [/^fps\b/i, 'fps'],
  [/^concurrent\s+users?\b/i, 'concurrent users'],
  [/^concurrent\s+connections?\b/i, 'concurrent connections'],
  [/^毫秒/, 'ms'],
  [/^(?:秒钟|秒鐘|秒)/, 's'],
  [/^(?:分钟|分鐘)/, 'min'],
  [/^(?:小时|小時)/, 'h'],
];
const STOP = /^(?:for|of|to|in|on|at|per|and|or|the|a|an|with|p\d+|under|below|above|max|min|maximum|minimum|initial|or less|less)$/i;
const COMPARATOR = /\s*(?:<=|>=|≤|≥|<|>|~|≈|under|below|above|over|at least|at most|less than|more than|greater than|within|up to|at|of|:|-|–|—)\s*$/i;
const NUMBER = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*([kKmM])(?![a-zA-Z]))?/;
const PLACEHOLDER = /\[[^\]]*\]/g;

export function parseTarget(text: string): ParsedTarget {
  const colon = /^([^:：]{1,80}?)(?::\s+|：\s*)(.*)$/.exec(text);
  let metric = colon ? colon[1]!.trim() : null;
  const rest = colon ? colon[2]! : text;
  const placeholders = [...rest.matchAll(PLACEHOLDER)];
  const bare = rest.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const num = NUMBER.exec(bare);
  if (!num) {
    const last = placeholders[0];
    const after = last ? rest.slice(last.index! + last[0].length) : '';
    return { metric, value: null, unit: last ? unitAt(after)?.unit ?? null : null, placeholder: placeholders.length > 0 };
  }
  let value = Number(num[1]!.replace(/,/g, ''));
  if (num[2]) value *= /k/i.test(num[2]) ? 1_000 : 1_000_000;
  const after = bare.slice(num.index + num[0].length);
  const unit = unitAt(after);
  if (!metric) {
    const before = text.slice(0, text.indexOf(num[0], num.index)).replace(COMPARATOR, '').replace(COMPARATOR, '').trim();
    // `99.9% uptime`: the metric follows the number and its unit.
    const following = unit ? after.trimStart().slice(unitLength(after.trimStart())).replace(/^[\s,;:.)-]+/, '').trim() : '';
    metric = before || following || null;
  }
  return { metric, value, unit: unit?.unit ?? null, placeholder: false };
}

function unitAt(after: string): { unit: string; length: number } | null {
  const t = after.trimStart();
  for (const [re, unit] of UNITS) {
    const m = re.exec(t);
    if (m) return { unit, length: m[0].length };
  }
  // `10k daily users` → "daily users", `100 items per page` → "items".
  const words = /^([A-Za-z][A-Za-z-]*)(?:\s+([A-Za-z][A-Za-z-]*s)\b)?/.exec(t);
  if (!words || STOP.test(words[1]!)) return null;
  const two = words[2] && !/s$/i.test(words[1]!) && !STOP.test(words[2]);
  return { unit: (two ? `${words[1]} ${words[2]}` : words[1]!).toLowerCase(), length: two ? words[0].length : words[1]!.length };
}

function unitLength(t: string): number {
  return unitAt(t)?.length ?? 0;
}
