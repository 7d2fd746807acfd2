/** Tables from SQL code blocks: CREATE TABLE, CREATE [UNIQUE] INDEX, CREATE POLICY, ALTER TABLE. */
import type { AlterTableStmt, Constraint, CreatePolicyStmt, CreateStmt, IndexStmt } from 'libpg-query';
import { diagnostic } from '../../../diagnostic.js';
import { codeBlocks } from '../../../markdown/walk.js';
import type { CodeBlock } from '../../../markdown/types.js';
import { blankMetaCommands, codePosition, parseScript } from '../../../sql/block.js';
import { SQL_LANGS } from '../../../sql/load.js';
import type { SqlParser, SqlStatement } from '../../../sql/parser.js';
import { closeParen, listItems, scanTokens, sliceText, statementTokens, tokenAt, type Tokens } from '../../../sql/tokens.js';
import { POLICY_OPERATIONS } from '../../constants.js';
import type { DocContext } from '../context.js';
import type { TableDraft, TableFacts, TablePolicy } from './facts.js';
import { fkTarget, readColumnDef, relName, str } from './sql-column.js';

const keyName = (table: string, cols: string[], suffix: string) => `${table.replace(/^.*\./, '')}_${cols.join('_')}_${suffix}`;

/** Table-level constraints (CREATE TABLE or ALTER TABLE ADD CONSTRAINT) applied to a draft. */
function tableConstraint(c: Constraint, draft: TableDraft, facts: TableFacts, line: number): void {
  const keys = (c.keys ?? []).map(str);
  if (c.contype === 'CONSTR_PRIMARY') facts.primaryKeys.push({ table: draft.name, line, item: keys });
  if (c.contype === 'CONSTR_UNIQUE' && keys.length > 0)
    facts.indexes.push({ table: draft.name, line, item: { name: c.conname ?? keyName(draft.name, keys, 'key'), columns: keys, unique: true } });
  if (c.contype === 'CONSTR_FOREIGN')
    (c.fk_attrs ?? []).map(str).forEach((col, i) => facts.references.push({ table: draft.name, line, item: { column: col, references: fkTarget(c, i), text: `FOREIGN KEY (${col})` } }));
}

function createTable(s: CreateStmt, tk: Tokens | null, facts: TableFacts, line: number): void {
  const draft: TableDraft = { name: relName(s.relation), columns: [], indexes: [], policies: [], line };
  if (!draft.name) return;
  facts.tables.push(draft);
  for (const el of s.tableElts ?? []) {
    if ('ColumnDef' in el) {
      const { column, unique } = readColumnDef(el.ColumnDef, tk);
      draft.columns.push(column);
      if (unique) draft.indexes.push({ name: unique.name ?? keyName(draft.name, [column.name], 'key'), columns: [column.name], unique: true });
    } else if ('Constraint' in el) tableConstraint(el.Constraint, draft, facts, line);
  }
}

function createIndex(s: IndexStmt, tk: Tokens | null, facts: TableFacts, line: number): void {
  const table = relName(s.relation);
  if (!table) return;
  let texts: string[] = [];
  if (tk && s.relation?.location !== undefined) {
    let open = tokenAt(tk, s.relation.location);
    while (open < tk.list.length && tk.list[open]!.text !== '(') open++;
    texts = listItems(tk, open).map(([i, j]) => sliceText(tk, i, j));
  }
  const columns = (s.indexParams ?? []).map((p, k) => ('IndexElem' in p ? p.IndexElem.name ?? texts[k] ?? '' : ''));
  facts.indexes.push({ table, line, item: { name: s.idxname ?? keyName(table, columns.map((c) => c.replace(/\W+/g, '_')), 'idx'), columns, unique: s.unique === true } });
}

/** `USING (expr)` / `WITH CHECK (expr)` as written, whitespace collapsed. */
function policyRule(s: CreatePolicyStmt, tk: Tokens | null): string {
  const clauses: string[] = [];
  if (tk && s.table?.location !== undefined) {
    for (let i = tokenAt(tk, s.table.location); i < tk.list.length; i++) {
      const t = tk.list[i]!;
      const check = t.keyword === 'WITH' && tk.list[i + 1]?.keyword === 'CHECK';
      if (t.keyword !== 'USING' && !check) continue;
      const open = check ? i + 2 : i + 1;
      const close = closeParen(tk, open);
      if (close < 0) continue;
      clauses.push(`${check ? 'WITH CHECK' : 'USING'} (${sliceText(tk, open + 1, close)})`);
      i = close;
    }
  }
  return clauses.length > 0 ? clauses.join(' ') : s.policy_name ?? '';
}

function createPolicy(s: CreatePolicyStmt, tk: Tokens | null, facts: TableFacts, line: number): void {
  const table = relName(s.table);
  const op = (s.cmd_name ?? 'all').toUpperCase();
  const operation = POLICY_OPERATIONS.find((o) => o === op) ?? 'ALL';
  const item: TablePolicy = { operation, rule: policyRule(s, tk) };
  if (table) facts.policies.push({ table, line, item });
}

function alterTable(s: AlterTableStmt, tk: Tokens | null, facts: TableFacts, line: number): void {
  const table = relName(s.relation);
  if (!table || (s.objtype !== undefined && s.objtype !== 'OBJECT_TABLE')) return;
  const draft: TableDraft = { name: table, columns: [], indexes: [], policies: [], line };
  for (const n of s.cmds ?? []) {
    if (!('AlterTableCmd' in n)) continue;
    const cmd = n.AlterTableCmd;
    const def = cmd.def;
    if (cmd.subtype === 'AT_AddColumn' && def && 'ColumnDef' in def) {
      const { column, unique } = readColumnDef(def.ColumnDef, tk);
      facts.columns.push({ table, line, item: column });
      if (unique) facts.indexes.push({ table, line, item: { name: unique.name ?? keyName(table, [column.name], 'key'), columns: [column.name], unique: true } });
    } else if (cmd.subtype === 'AT_AddConstraint' && def && 'Constraint' in def) {
      tableConstraint(def.Constraint, draft, facts, line);
    }
  }
}

function readStatement(st: SqlStatement, tk: Tokens | null, facts: TableFacts, line: number): void {
  const n = st.stmt;
  if ('CreateStmt' in n) createTable(n.CreateStmt, tk, facts, line);
  else if ('IndexStmt' in n) createIndex(n.IndexStmt, tk, facts, line);
  else if ('CreatePolicyStmt' in n) createPolicy(n.CreatePolicyStmt, tk, facts, line);
  else if ('AlterTableStmt' in n) alterTable(n.AlterTableStmt, tk, facts, line);
}

const RELEVANT = ['CreateStmt', 'IndexStmt', 'CreatePolicyStmt', 'AlterTableStmt'];

export function readSqlBlock(ctx: DocContext, parser: SqlParser, block: CodeBlock, facts: TableFacts): void {
  const code = blankMetaCommands(block.code);
  const script = parseScript(parser, code, true);
  const relevant = script.statements.filter((st) => RELEVANT.some((k) => k in st.stmt));
  const whole = relevant.length > 0 ? scanTokens(code) : null;
  for (const st of relevant) {
    const tk = statementTokens(code, st, whole);
    readStatement(st, tk, facts, codePosition(ctx.doc, block, st.start).line);
  }
}

/** Every SQL code block of the document (skipped when no parser is loaded). */
export function readSql(ctx: DocContext, facts: TableFacts): void {
  const parser = ctx.sql;
  if (!parser) return;
  for (const { block } of codeBlocks(ctx.doc.root)) {
    if (!SQL_LANGS.has(block.lang)) continue;
    try {
      readSqlBlock(ctx, parser, block, facts);
    } catch (e) {
      // A parse tree of an unexpected shape: the block contributes nothing rather than failing the document.
      ctx.diagnostics.push(diagnostic('sql-extract', 'warning', `could not read the SQL block: ${e instanceof Error ? e.message : String(e)}`, ctx.path, block.line));
    }
  }
}
