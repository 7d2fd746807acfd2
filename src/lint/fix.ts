/** Apply the fixes carried by diagnostics: per file, non-overlapping line ranges, written atomically. */
import { join } from 'node:path';
import type { ParsedDoc } from '../model/feature.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { Fix } from '../diagnostic.js';
import { formatFixes } from './format-fixes.js';
import type { LintDiagnostic } from './types.js';

export interface FixedFile {
  path: string;
  fixes: number;
  rules: string[];
}

/** A fix to apply, named by what asked for it (a rule id, or `format:table` / `format:param`). */
interface Pending {
  rule: string;
  fix: Fix;
}

export async function applyFixes(root: string, diags: readonly LintDiagnostic[], docs: ReadonlyMap<string, ParsedDoc>, paths?: ReadonlySet<string>): Promise<FixedFile[]> {
  const byPath = new Map<string, Pending[]>();
  const push = (path: string, p: Pending) => byPath.set(path, [...(byPath.get(path) ?? []), p]);
  for (const d of diags) if (d.fix) push(d.path, { rule: d.rule, fix: d.fix });
  for (const [path, doc] of docs) {
    if (paths && !paths.has(path)) continue;
    for (const f of formatFixes(doc.doc)) push(path, { rule: `format:${f.kind}`, fix: f.fix });
  }
  const out: FixedFile[] = [];
  for (const [path, list] of byPath) {
    const doc = docs.get(path);
    if (!doc) continue;
    const lines = [...doc.doc.sourceLines];
    // Bottom-up so earlier ranges keep their line numbers; skip a fix overlapping one already applied.
    const sorted = [...list].sort((a, b) => b.fix!.startLine - a.fix!.startLine);
    let floor = Number.MAX_SAFE_INTEGER;
    const applied: Pending[] = [];
    for (const d of sorted) {
      const f = d.fix!;
      if (f.endLine >= floor) continue;
      const before = lines.slice(f.startLine - 1, f.endLine).join('\n');
      if (before === f.text) continue;
      lines.splice(f.startLine - 1, f.endLine - f.startLine + 1, ...f.text.split('\n'));
      floor = f.startLine;
      applied.push(d);
    }
    if (applied.length === 0) continue;
    await writeFileAtomic(join(root, path), `${lines.join('\n')}\n`, { overwrite: true });
    out.push({ path, fixes: applied.length, rules: [...new Set(applied.map((d) => d.rule))].sort() });
  }
  return out;
}
