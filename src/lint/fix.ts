/** Apply the fixes carried by diagnostics: per file, non-overlapping line ranges, written atomically. */
import { join } from 'node:path';
import type { ParsedDoc } from '../model/feature.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { LintDiagnostic } from './types.js';

export interface FixedFile {
  path: string;
  fixes: number;
  rules: string[];
}

export async function applyFixes(root: string, diags: readonly LintDiagnostic[], docs: ReadonlyMap<string, ParsedDoc>): Promise<FixedFile[]> {
  const byPath = new Map<string, LintDiagnostic[]>();
  for (const d of diags) if (d.fix) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  const out: FixedFile[] = [];
  for (const [path, list] of byPath) {
    const doc = docs.get(path);
    if (!doc) continue;
    const lines = [...doc.doc.sourceLines];
    // Bottom-up so earlier ranges keep their line numbers; skip a fix overlapping one already applied.
    const sorted = [...list].sort((a, b) => b.fix!.startLine - a.fix!.startLine);
    let floor = Number.MAX_SAFE_INTEGER;
    const applied: LintDiagnostic[] = [];
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
