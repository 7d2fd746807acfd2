import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { hasSql, mayHaveSql, SQL_LANGS } from '../../src/sql/load.js';

describe('mayHaveSql', () => {
  it('says yes wherever the parsed document has a SQL block, for every SQL language', () => {
    for (const lang of SQL_LANGS) {
      for (const text of [`# A\n\n\`\`\`${lang}\nSELECT 1;\n\`\`\`\n`, `- item\n\n  ~~~${lang.toUpperCase()} title\n  SELECT 1;\n  ~~~\n`, `> \`\`\`${lang}\n> SELECT 1;\n> \`\`\`\n`]) {
        expect(hasSql(parseMarkdown(text, 'x.md').doc), text).toBe(true);
        expect(mayHaveSql(text), text).toBe(true);
      }
    }
  });

  it('says no for other languages and prose', () => {
    for (const text of ['```sqlite\nSELECT 1;\n```\n', '```sql-template\nx\n```\n', 'We use sql here.\n', '```ts\nconst sql = 1;\n```\n']) {
      expect(mayHaveSql(text), text).toBe(false);
    }
  });
});
