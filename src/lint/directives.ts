/**
 * In-document switches: `<!-- featspec-disable-next-line RULE -->`, `<!-- featspec-disable RULE -->`
 * ... `<!-- featspec-enable RULE -->`. No rule list means every rule.
 */
export interface Directives {
  /** True when `rule` is silenced on `line` (1-based). */
  silenced(rule: string, line: number): boolean;
}

const DIRECTIVE = /<!--\s*featspec-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function readDirectives(lines: readonly string[]): Directives {
  const single = new Map<number, Set<string> | 'all'>();
  // Ranges: [rule or '*', from, to]
  const ranges: [string, number, number][] = [];
  const open = new Map<string, number>();
  lines.forEach((text, i) => {
    if (!text.includes('featspec-')) return;
    const line = i + 1;
    for (const m of text.matchAll(DIRECTIVE)) {
      const rules = m[2]!.split(/[\s,]+/).filter(Boolean);
      const kind = m[1]!;
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
