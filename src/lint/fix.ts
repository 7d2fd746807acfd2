/**
 * Apply the fixes carried by diagnostics: per file, non-overlapping line ranges, written atomically, in
 * the file's own layout (byte order mark, line endings, final newline), and only when the file on disk
 * is still the text that was linted.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedDoc } from '../model/feature.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { splitLines } from '../util/text.js';
import type { Fix } from '../diagnostic.js';
import { formatFixes } from './format-fixes.js';
import type { LintDiagnostic } from './types.js';

export interface FixedFile {
  path: string;
  fixes: number;
  rules: string[];
  /** Why the file was left as it is (it changed on disk since it was read); absent when fixed. */
  skipped?: string;
}

/** How a file lays out its text: a byte order mark, its line ending, a final newline. */
interface Layout {
  bom: boolean;
  eol: string;
  finalNewline: boolean;
  /** Its lines as the parser reads them. */
  lines: string[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function layoutOf(text: string): Layout {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const eol = body.includes('\r\n') ? '\r\n' : body.includes('\r') ? '\r' : '\n';
  const { lines, finalNewline } = splitLines(body);
  return { bom, eol, finalNewline: finalNewline || body === '', lines };
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
    const rules = [...new Set(applied.map((d) => d.rule))].sort();
    const file = join(root, path);
    let raw: string;
    try {
      raw = strictUtf8.decode(await readFile(file));
    } catch {
      out.push({ path, fixes: 0, rules, skipped: 'it is not valid UTF-8, and writing it back would replace bytes' });
      continue;
    }
    const layout = layoutOf(raw);
    if (layout.lines.join('\n') !== doc.doc.sourceLines.join('\n')) {
      out.push({ path, fixes: 0, rules, skipped: 'it changed on disk since it was read; lint again' });
      continue;
    }
    const text = (layout.bom ? '\uFEFF' : '') + lines.join(layout.eol) + (layout.finalNewline ? layout.eol : '');
    await writeFileAtomic(file, text, { overwrite: true });
    out.push({ path, fixes: applied.length, rules });
  }
  return out;
}
