/** The generated zod schemas at run time: valid bodies pass, unknown fields and wrong types fail. */
import { mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { compileTypes } from '../../src/compile/typescript.js';
import { caseModel, EXAMPLES, fixture, PROJECT } from './compile-cases.js';

type Schemas = Record<string, z.ZodType>;
type PageSchema = (item: z.ZodType) => z.ZodType;

mkdirSync(join(PROJECT, '.featspec'), { recursive: true });
const TMP = mkdtempSync(join(PROJECT, '.featspec', 'test-zod-'));
afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  try {
    rmdirSync(join(PROJECT, '.featspec')); // only when empty
  } catch {
    // other files live there
  }
});

async function load(name: string, root: string): Promise<Schemas> {
  const file = join(TMP, `${name}.ts`);
  writeFileSync(file, compileTypes(await caseModel(root)));
  return (await import(pathToFileURL(file).href)) as Schemas;
}

const ID = '6f1c2a9e-2b7d-4c1e-9a53-0d2f4b8e7a10';
const OWNER = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c5d';
const codes = (r: { success: boolean; error?: { issues: { code: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.code}@${i.path.join('.')}`) ?? [];

describe('examples: Bookmark', () => {
  let s: Schemas;
  beforeAll(async () => {
    s = await load('examples', EXAMPLES);
  });

  test('a valid create body passes; optional and nullable fields may be left out or null', () => {
    expect(s.BookmarkCreateSchema!.safeParse({ collection_id: ID, url: 'https://example.com/a' }).success).toBe(true);
    expect(s.BookmarkCreateSchema!.safeParse({ collection_id: ID, url: 'https://example.com/a', title: null, tags: ['a'], status: 'unread' }).success).toBe(true);
  });

  test('an unknown field, a wrong type, a missing required field and a bad uuid fail', () => {
    expect(codes(s.BookmarkCreateSchema!.safeParse({ collection_id: ID, url: 'https://e.com', colour: 'red' }))).toEqual(['unrecognized_keys@']);
    expect(codes(s.BookmarkCreateSchema!.safeParse({ collection_id: ID, url: 42 }))).toEqual(['invalid_type@url']);
    expect(codes(s.BookmarkCreateSchema!.safeParse({ collection_id: ID }))).toEqual(['invalid_type@url']);
    expect(codes(s.BookmarkCreateSchema!.safeParse({ collection_id: 'nope', url: 'https://e.com' }))).toEqual(['invalid_format@collection_id']);
    expect(codes(s.BookmarkCreateSchema!.safeParse({ collection_id: ID, url: 'https://e.com', tags: 'a' }))).toEqual(['invalid_type@tags']);
  });

  test('generated fields are not accepted on create', () => {
    expect(codes(s.BookmarkCreateSchema!.safeParse({ id: ID, collection_id: ID, url: 'https://e.com' }))).toEqual(['unrecognized_keys@']);
  });

  test('update: every field optional, unknown fields still rejected', () => {
    expect(s.BookmarkUpdateSchema!.safeParse({}).success).toBe(true);
    expect(s.BookmarkUpdateSchema!.safeParse({ status: 'done' }).success).toBe(true);
    expect(codes(s.BookmarkUpdateSchema!.safeParse({ colour: 'red' }))).toEqual(['unrecognized_keys@']);
    expect(codes(s.BookmarkUpdateSchema!.safeParse({ url: null }))).toEqual(['invalid_type@url']);
  });

  test('the read schema takes a full record (date-times with any offset) and a page of them', () => {
    const row = {
      id: ID, owner_id: OWNER, collection_id: ID, url: 'https://e.com', title: null, note: null, tags: [], status: 'unread',
      read_at: '2026-11-22T10:00:00+02:00', created_at: '2026-11-22T10:00:00Z', updated_at: '2026-11-22T10:00:00.123Z',
    };
    expect(s.BookmarkSchema!.safeParse(row).success).toBe(true);
    expect(codes(s.BookmarkSchema!.safeParse({ ...row, created_at: '2026-11-22' }))).toEqual(['invalid_format@created_at']);
    const page = (s.paginatedResponseSchema as unknown as PageSchema)(s.BookmarkSchema!);
    expect(page.safeParse({ items: [row], page: 1, limit: 20, total: 1 }).success).toBe(true);
    expect(codes(page.safeParse({ items: [row], page: 0, limit: 20, total: 1 }))).toEqual(['too_small@page']);
  });
});

describe('fixtures', () => {
  test('design: integers, dates and JSON values', async () => {
    const s = await load('design', fixture('design'));
    expect(s.WidgetCreateSchema!.safeParse({ name: 'n', size: 2, settings: { a: [1, null] }, due_on: '2026-10-01' }).success).toBe(true);
    expect(codes(s.WidgetCreateSchema!.safeParse({ name: 'n', size: 1.5 }))).toEqual(['invalid_type@size']);
    expect(codes(s.WidgetCreateSchema!.safeParse({ name: 'n', due_on: '2026-13-01' }))).toEqual(['invalid_format@due_on']);
    expect(codes(s.WidgetCreateSchema!.safeParse({ name: 'n', pinned: 'yes' }))).toEqual(['invalid_type@pinned']);
  });

  test('technical-design: nested resources are checked as their Create shape', async () => {
    const s = await load('technical-design', fixture('technical-design'));
    expect(s.InvoiceCreateSchema!.safeParse({ lines: [{ description: 'Consulting', quantity: 3, unit_price: 120.5 }], customer: { name: 'x' } }).success).toBe(true);
    expect(codes(s.InvoiceCreateSchema!.safeParse({ lines: [{ description: 'x', bogus: 1 }] }))).toEqual(['unrecognized_keys@lines.0']);
  });

  test('types-edge: self references, quoted keys and renamed clashes', async () => {
    const s = await load('types-edge', fixture('types-edge'));
    expect(s.NodeCreateSchema!.safeParse({ label: 'a', parent: { label: 'b', children: [{ label: 'c' }] }, 'content-type': 'text/html' }).success).toBe(true);
    expect(codes(s.NodeCreateSchema!.safeParse({ label: 'a', parent: { label: 2 } }))).toEqual(['invalid_type@parent.label']);
    expect(s.RecordResourceCreateSchema!.safeParse({ value: [1, 'two', { three: null }] }).success).toBe(true);
    expect(s.TagCreateResourceCreateSchema!.safeParse({ tag: { name: 't' } }).success).toBe(true);
    expect(codes(s.OneCreateSchema!.safeParse({ pk: 1, node_id: ID, seen_at: 'yesterday' }))).toEqual(['invalid_format@seen_at']);
  });
});
