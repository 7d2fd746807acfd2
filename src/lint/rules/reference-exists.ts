import { posix } from 'node:path';
import { anchorsOf, hasAnchor, type Anchors } from '../../markdown/anchors.js';
import { codeBlocks } from '../../markdown/walk.js';
import { defineRule, type DocumentContext } from '../types.js';
import { plannedLookup } from './workspace-index.js';

// The target stops at a parenthesis (a target holding one was cut short anyway) and is taken whole, as
// an atomic group would (`(?=(…))\1`): on a line such as `[a]([a]([a](…` each attempt scanned the rest
// of the line, and backtracked through it, which made such a line quadratic.
const LINK = /(!?)\[[^\]]*\]\(\s*<?(?=([^()\s>]+))\2>?(?:\s+["'][^"']*["'])?\s*\)/g;
// A link reference definition (`[label]: target "title"`) whose target is a path: it starts with `#`,
// `./`, `../` or has a file extension, which starts with a letter (`[Decision 1]: a note` is prose, not a
// definition, and `[version]: 1.2.0` names no file).
const DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s<>]+)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const PATH_TARGET = /^(?:#|\.{1,2}\/)|\.[A-Za-z][A-Za-z0-9]{0,7}(?:[?#].*)?$/;
const AT_REF = /(?:^|[\s(])@((?:\.{0,2}\/)?[\w.-]+\/[\w./-]*\.\w+(?:#[\w-]+)?)/g;
const PATHLIKE = /^(?:\.{0,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*(?:#[\w-]*)?$/;

type Ctx = DocumentContext<unknown>;

const plannedCache = new WeakMap<object, (path: string) => boolean>();
/** A file the feature or its dependencies plan to create counts as present: designs reference code to come. */
function planned(ctx: Ctx): (path: string) => boolean {
  let s = plannedCache.get(ctx.feature);
  if (!s) plannedCache.set(ctx.feature, (s = plannedLookup(ctx.workspace, ctx.feature)));
  return s;
}

const anchorCache = new WeakMap<readonly string[], Anchors>();
/** anchorsOf(lines), kept per parsed document (their lines never change). */
function anchorsOfLines(lines: readonly string[], parsed: boolean): Anchors {
  if (!parsed) return anchorsOf(lines);
  let a = anchorCache.get(lines);
  if (!a) anchorCache.set(lines, (a = anchorsOf(lines)));
  return a;
}

/**
 * Check one reference `file#anchor` (file relative to the workspace root; '' = this document);
 * `written` is the reference as the document spells it.
 */
function check(ctx: Ctx, target: string, line: number, column: number, what: string, written = target) {
  const [file = '', anchor] = target.split('#');
  const path = file === '' ? ctx.doc.path : posix.normalize(file).replace(/^\.\//, '');
  if (path.startsWith('../')) {
    ctx.report({ path: ctx.doc.path, line, column, message: `${what} ${written} points outside the workspace` });
    return;
  }
  if (file !== '' && !ctx.exists(path) && !planned(ctx)(path)) {
    ctx.report({ path: ctx.doc.path, line, column, message: `${what} ${written}: ${path} does not exist in the workspace` });
    return;
  }
  if (!anchor || !/\.(?:md|markdown)$/i.test(path)) return;
  const docLines = ctx.docs.get(path)?.doc.sourceLines;
  const lines = docLines ?? ctx.read(path)?.split(/\r?\n/);
  if (!lines) return;
  if (!hasAnchor(anchorsOfLines(lines, docLines !== undefined), anchor)) {
    ctx.report({ path: ctx.doc.path, line, column, message: `${what} ${written}: ${path} has no heading with anchor #${anchor}` });
  }
}

export default defineRule({
  id: 'reference-exists',
  description: 'Read: references, @path references, relative links and images, and link reference definitions point to files (and headings) that exist, or that the feature or its dependencies plan to create',
  defaultSeverity: 'error',
  scope: 'document',
  uses: ['tasks', 'filePlan', 'components', 'dependencies'],
  examples: [
    {
      fail: '# FEAT-001 Design: Notes\n\n## Overview\n\nSee [the conventions](../../../CONVENTIONS.md#python-models) and @docs/guides/deploy.md.\n',
      pass: '# FEAT-001 Design: Notes\n\n## Overview\n\nSee [the conventions](../../../CONVENTIONS.md#models) and [below](#overview).\n',
      files: { 'CONVENTIONS.md': '# Conventions\n\n## Models\n\nUse dataclasses.\n' },
    },
  ],
  check(ctx) {
    const { doc, feature } = ctx;
    const dir = posix.dirname(doc.path);
    const lines = doc.doc.sourceLines;
    // 1 for the lines of code blocks (indexed by line number).
    const inCode = new Uint8Array(lines.length + 2);
    for (const { block } of codeBlocks(doc.doc.root)) inCode.fill(1, block.line, Math.min(block.endLine, lines.length) + 1);
    /** A link's URL: a relative path (its query, as in GitHub's `?plain=1`, aside) and an anchor. */
    const url = (written: string, line: number, column: number, what: string) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('/')) return;
      const [file = '', anchor] = written.split('#');
      const bare = file.split('?')[0]!;
      if (bare === '' && !anchor) return;
      const target = bare === '' && file === '' ? `#${anchor}` : `${posix.join(dir, decodeURI(bare))}${anchor !== undefined ? `#${anchor}` : ''}`;
      check(ctx, target, line, column, what, written);
    };
    lines.forEach((text, i) => {
      const line = i + 1;
      // A link needs `](`, a definition `]:`, a reference `@` (blanking code spans adds none of them).
      if (inCode[line] === 1 || (!text.includes('](') && !text.includes(']:') && !text.includes('@'))) return;
      const noCode = text.replace(/`[^`]*`/g, (s) => ' '.repeat(s.length));
      for (const m of noCode.matchAll(LINK)) url(m[2]!, line, m.index + 1, m[1] ? 'image' : 'link');
      const def = DEFINITION.exec(noCode);
      if (def && PATH_TARGET.test(def[1]!)) url(def[1]!, line, 1, 'link');
      for (const m of noCode.matchAll(AT_REF)) check(ctx, m[1]!, line, m.index + m[0].indexOf('@') + 1, 'reference');
    });
    // Read: lines of tasks, relative to the workspace root.
    for (const t of feature.tasks) {
      if (t.source.path !== doc.path) continue;
      for (const r of t.reads) {
        if (!PATHLIKE.test(r) || !/\/|\.\w+(?:#|$)/.test(r) || /[[\]]/.test(r)) continue;
        const i = lines.findIndex((l, k) => k + 1 >= t.source.line && /\bread\b/i.test(l) && l.includes(r.split('#')[0]!));
        check(ctx, r, i >= 0 ? i + 1 : t.source.line, 1, 'Read:');
      }
    }
  },
});
