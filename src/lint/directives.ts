/**
 * In-document switches: `<!-- featspec-disable-next-line RULE -->`, `<!-- featspec-disable RULE -->`
 * ... `<!-- featspec-enable RULE -->`. No rule list means every rule. Rule ids are separated by commas
 * or spaces; words after ` -- ` are the reason, as in eslint.
 */
export interface Directives {
  /** True when `rule` is silenced on `line` (1-based). */
  silenced(rule: string, line: number): boolean;
  /** Every rule id the directives name, where it stands (1-based line and column). */
  named: { rule: string; directive: string; line: number; column: number }[];
}

const DIRECTIVE = /<!--\s*featspec-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;
const REASON = /(?:^|\s)-{2,}(?:\s|$)/;
const RULE_ID = /[^\s,]+/g;

export function readDirectives(lines: readonly string[]): Directives {
  const single = new Map<number, Set<string> | 'all'>();
  // Ranges: [rule or '*', from, to]
  const ranges: [string, number, number][] = [];
  const open = new Map<string, number>();
  const named: Directives['named'] = [];
  lines.forEach((text, i) => {
    if (!text.includes('featspec-')) return;
    const line = i + 1;
    for (const m of text.matchAll(DIRECTIVE)) {
      const list = m[2]!;
      const reason = REASON.exec(list);
      const ids = reason ? list.slice(0, reason.index) : list;
      const kind = m[1]!;
      const at = m.index + m[0].length - 3 - list.length;
      const rules: string[] = [];
      for (const r of ids.matchAll(RULE_ID)) {
        rules.push(r[0]);
        named.push({ rule: r[0], directive: `featspec-${kind}`, line, column: at + r.index + 1 });
      }
      if (kind === 'disable-next-line' || kind === 'disable-line') {
        const target = kind === 'disable-line' ? line : nextContentLine(lines, i);
        const prev = single.get(target);
        if (rules.length === 0 || prev === 'all') single.set(target, 'all');
        else single.set(target, new Set([...(prev ?? []), ...rules]));
      } else if (kind === 'disable') {
        for (const r of rules.length ? rules : ['*']) if (!open.has(r)) open.set(r, line);
      } else {
        const names = rules.length ? rules : [...open.keys()];
        for (const r of names) {
          const from = open.get(r);
          if (from !== undefined) ranges.push([r, from, line]);
          open.delete(r);
        }
      }
    }
  });
  for (const [r, from] of open) ranges.push([r, from, Number.MAX_SAFE_INTEGER]);
  return {
    named,
    silenced(rule, line) {
      const s = single.get(line);
      if (s === 'all' || s?.has(rule)) return true;
      return ranges.some(([r, from, to]) => (r === '*' || r === rule) && line >= from && line <= to);
    },
  };
}

function nextContentLine(lines: readonly string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return j + 1;
  return i + 2;
}
