import { describe, expect, it } from 'vitest';
import { plannedFiles } from '../../src/lint/planned.js';
import { entityIndex, resolveFeature } from '../../src/lint/model-utils.js';
import { entityNames, featureResolver, plannedLookup, sharedEntityIndex } from '../../src/lint/rules/workspace-index.js';
import type { Feature, Workspace } from '../../src/model/schema.js';
import { dependencyWorkspace } from '../graphs.js';

const src = (line: number) => ({ path: 'docs/features/x/design.md', line });

function feature(id: string, number: number | null, slug: string, extra: Partial<Feature> = {}): Feature {
  return {
    id, number, slug, title: id, docs: [], summary: null, lastUpdated: null, entities: [], endpoints: [], tables: [],
    filePlan: [], tasks: [], dependencies: [], config: [], components: [], diagrams: [], targets: [], decisions: [], diagnostics: [],
    ...extra,
  };
}

const dep = (f: string) => ({ feature: f, reason: null, source: src(3) });
const plan = (path: string, action: 'CREATE' | 'MODIFY' | 'DELETE') => ({ path, action, description: null, source: src(5) });

function workspace(): Workspace {
  return {
    version: 1, root: '/tmp/x', diagnostics: [],
    features: [
      feature('001-accounts', 1, 'accounts', { filePlan: [plan('./src/accounts.ts', 'CREATE'), plan('src/old.ts', 'DELETE')], dependencies: [dep('003-tags')] }),
      feature('002-bookmarks', 2, 'bookmarks', { filePlan: [plan('src/bookmarks.ts', 'CREATE')], dependencies: [dep('001-accounts'), dep('FEAT-009')] }),
      feature('002-other', 2, 'other', { components: [{ name: 'W', kind: 'service', file: './src/w.ts', description: null, source: src(7) }] }),
      feature('003-tags', 3, 'tags', { filePlan: [plan('src/tags.ts', 'MODIFY')], dependencies: [dep('002-bookmarks')] }),
      feature('Kiro-Spec', null, 'kiro-spec', { entities: [{ name: 'Widget', fields: [], source: src(9) }] }),
      feature('004-x', 4, 'x', { dependencies: [dep('002'), dep('kiro-spec'), dep('002-other')] }),
    ],
  };
}

describe('featureResolver', () => {
  it('resolves every reference exactly as resolveFeature does, problems included', () => {
    const ws = workspace();
    const resolve = featureResolver(ws);
    const refs = ['001-accounts', '001-ACCOUNTS', 'FEAT-001', '001', '002', '002-other', '002-nope', 'feature-2', 'FEAT-009', '009-x',
      'kiro-spec', 'KIRO-SPEC', 'Kiro-Spec', 'nothing', '', ' 003-tags ', '004-x', 'feat_004'];
    for (const ref of refs) expect(resolve(ref)).toEqual(resolveFeature(ws, ref));
    expect(resolve('002-nope')).toEqual({ problem: '"002-nope" names feature 002, which is 002-bookmarks, 002-other' });
    expect(resolve('002')).toEqual({ feature: ws.features[1] });
  });

  it('sees a replaced features list (lint --watch re-reads features)', () => {
    const ws = workspace();
    expect('problem' in featureResolver(ws)('005-new')).toBe(true);
    ws.features = [...ws.features, feature('005-new', 5, 'new')];
    expect(featureResolver(ws)('005-new')).toEqual({ feature: ws.features[6] });
  });
});

describe('plannedLookup', () => {
  it('answers like plannedFiles(ws, feature).has, dependencies followed through cycles', () => {
    const ws = workspace();
    const paths = ['src/accounts.ts', './src/accounts.ts', 'src/old.ts', 'src/bookmarks.ts', 'src/w.ts', 'src/tags.ts', 'src/none.ts'];
    for (const f of ws.features) {
      const set = plannedFiles(ws, f);
      const has = plannedLookup(ws, f);
      for (const p of paths) expect(has(p), `${f.id} ${p}`).toBe(set.has(p));
    }
    const bookmarks = ws.features[1]!;
    const noOwn = { ...bookmarks, filePlan: [], components: [] };
    expect(plannedLookup(ws, noOwn)('src/bookmarks.ts')).toBe(false);
    expect(plannedLookup(ws, noOwn)('src/accounts.ts')).toBe(true);
    expect(plannedLookup(ws, ws.features[5]!)('src/w.ts')).toBe(true);
  });

  it('follows a dependency chain longer than the call stack is deep', () => {
    const n = 50_000;
    const ws = dependencyWorkspace(n, (i) => (i > 0 ? [i - 1] : []));
    ws.features[0]!.filePlan = [plan('src/base.ts', 'CREATE')];
    ws.features[n - 1]!.filePlan = [plan('src/top.ts', 'CREATE')];
    const last = { ...ws.features[n - 1]!, filePlan: [] };
    expect(plannedLookup(ws, last)('src/base.ts')).toBe(true);
    expect(plannedLookup(ws, last)('src/top.ts')).toBe(false);
    expect(plannedLookup(ws, ws.features[0]!)('src/top.ts')).toBe(false);
  });
});

describe('shared workspace indexes', () => {
  it('equal the per-call computations and follow a replaced features list', () => {
    const ws = workspace();
    expect([...sharedEntityIndex(ws).keys()]).toEqual([...entityIndex(ws).keys()]);
    expect(entityNames(ws)).toEqual(new Set(['Widget']));
    ws.features = [...ws.features, feature('006-y', 6, 'y', { entities: [{ name: 'Gadget', fields: [], source: src(2) }] })];
    expect(entityNames(ws)).toEqual(new Set(['Widget', 'Gadget']));
    expect(sharedEntityIndex(ws).has('gadget')).toBe(true);
  });
});
