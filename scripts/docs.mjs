// `npm run docs`: regenerate docs/rules/<id>.md and the README rule table from the rule metadata.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/lint/rules/index.js';
import { ruleDoc, rulesTable } from '../dist/lint/docs.js';

const docs = new URL('../docs/rules/', import.meta.url);
mkdirSync(docs, { recursive: true });
const keep = new Set(RULES.map((r) => `${r.id}.md`));
for (const f of readdirSync(docs)) if (!keep.has(f)) rmSync(new URL(f, docs));
for (const r of RULES) writeFileSync(new URL(`${r.id}.md`, docs), ruleDoc(r));
const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const next = text.replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${rulesTable(RULES)}\n$2`);
writeFileSync(readme, next);
console.log(`wrote ${RULES.length} rule docs${next === text ? '' : ' and the README rule table'}`);
