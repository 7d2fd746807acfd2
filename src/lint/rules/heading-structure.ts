import { sections } from '../../markdown/walk.js';
import { defineRule } from '../types.js';

export default defineRule({
  id: 'heading-structure',
  description: 'A document has exactly one H1 (or a front matter title instead) and never skips a heading level',
  defaultSeverity: 'error',
  scope: 'document',
  examples: [
    {
      fail: '# Bookmarks Design\n\n#### Storage\n\nBookmarks live in PostgreSQL.\n\n# Another title\n',
      pass: '# Bookmarks Design\n\n## Storage\n\nBookmarks live in PostgreSQL.\n',
    },
  ],
  check({ doc, report }) {
    const heads = [...sections(doc.doc.root)];
    const h1s = heads.filter((h) => h.level === 1);
    // A front matter title is the document's title, as static site generators render it.
    const title = doc.doc.frontMatter['title'];
    const titled = h1s.length === 0 && typeof title === 'string' && title.trim() !== '';
    if (h1s.length === 0 && !titled) report({ path: doc.path, line: 1, message: 'document has no H1 title; expected one `# Title` line (or a front matter title)' });
    for (const extra of h1s.slice(1)) {
      report({ path: doc.path, line: extra.line, message: `second H1 "${extra.title}" (first at line ${h1s[0]!.line}); expected exactly one H1` });
    }
    let prev = titled ? 1 : 0;
    for (const h of heads) {
      if (prev > 0 && h.level > prev + 1) {
        const after = h === heads[0] && titled ? 'the front matter title' : `an H${prev}`;
        report({ path: doc.path, line: h.line, message: `heading "${h.title}" is H${h.level} right after ${after}; expected H${prev + 1}` });
      }
      prev = h.level;
    }
  },
});
