/** What the table readers find in one document, before it is merged into Table items. */
import type { Column, Table } from '../../schema.js';

export type TableIndex = Table['indexes'][number];
export type TablePolicy = Table['policies'][number];

/** A table definition: a CREATE TABLE, a `#### \`name\`` heading with column bullets, a column table. */
export interface TableDraft {
  name: string;
  columns: Column[];
  indexes: TableIndex[];
  policies: TablePolicy[];
  line: number;
}

/** Something said about a table (by name) away from its definition. */
export interface Attachment<T> {
  table: string;
  line: number;
  item: T;
}

export interface Reference {
  column: string;
  /** `table.column` (or `table`) the column points to. */
  references: string;
  /** How the reference was written, for messages. */
  text: string;
}

export interface TableFacts {
  tables: TableDraft[];
  indexes: Attachment<TableIndex>[];
  policies: Attachment<TablePolicy>[];
  /** Columns added later (ALTER TABLE ... ADD COLUMN). */
  columns: Attachment<Column>[];
  /** Foreign keys stated apart from the column (Relationships bullets, ALTER TABLE ... ADD CONSTRAINT). */
  references: Attachment<Reference>[];
  /** Primary keys stated apart from the columns (ALTER TABLE ... ADD PRIMARY KEY). */
  primaryKeys: Attachment<string[]>[];
}

export function emptyFacts(): TableFacts {
  return { tables: [], indexes: [], policies: [], columns: [], references: [], primaryKeys: [] };
}

export function column(name: string, type: string): Column {
  return { name, type, primaryKey: false, nullable: null, default: null, references: null, description: null };
}
