import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractComponents } from '../../../src/model/extract/components.js';
import { docContext, md, SHARED } from '../../helpers.js';

const FRAGMENTS = ['# T', '## Tasks', '## File Plan', '## Files to CREATE', '### TASK-001: X (files 1-9)', '## Dependencies',
  '## Core Components', '### Backend', '## Performance Targets', '## Design Decisions', '### Choice 1: X',
  '- [ ] T001 [P] x `a/b.ts`', '- [x] 1. A', '  - [-] 1.1 B', '- [ ]* 2.1', '- [x] 🟩 **Step 1: S**', '- [ ]', '-', '- [',
  '| # | File | Action |', '|---|---|---|', '| 1 | `a.py` | CREATE |', '| | | |', '|', '```mermaid', '```', '```text', 'a -> b',
  '├── x.ts', '- **Model**: `M` - d', '- **X**:', '1. **N** (`p.py`)', '   - Purpose: p', '- 001-a: r', '**Depends on**: FEAT-001',
  '- API: < 200ms p95', '- [N]: [V]', '**Decision**: d', '- a.ts → b.ts', 'Read: #x, y.md#z', '>', '    code', '***', '[x]: y'];
const markdown = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((l) => l.join('\n'));

const seed = (prefix: string) => {
  const dir = new URL('seeds/', SHARED);
  return readFileSync(new URL(readdirSync(dir).find((f) => f.startsWith(prefix))!, dir), 'utf8');
};
const corpus = (dir: string, needle: string) => {
  const base = new URL(`corpus/${dir}/`, SHARED);
  const name = readdirSync(base).find((f) => f.includes(needle))!;
  return { path: `${dir}/${name}`, text: readFileSync(new URL(name, base), 'utf8') };
};
const rows = (text: string) => extractComponents(docContext(text)).map((c) => [c.source.line, c.name, c.kind, c.file, c.description]);

describe('seeds', () => {
  test('000: eight implementation components with kinds from the labels', () => {
    expect(rows(seed('000_'))).toEqual([
      [8, '[ModelName]', 'model', null, '[Brief description]'],
      [9, '[RepositoryName]', 'repository', null, '[Brief description]'],
      [10, '[ServiceName]', 'service', null, '[Brief description]'],
      [11, '[RouteFile]', 'routes', null, '[Brief description]'],
      [14, '[ComponentName]', 'component', null, '[Brief description]'],
      [15, '[HookName]', 'hook', null, '[Brief description]'],
      [16, '[ContextName]', 'context', null, '[Brief description]'],
      [17, '[ApiFile]', 'api', null, '[Brief description]'],
    ]);
  });

  test('003: three technical-design components', () => {
    expect(rows(seed('003_'))).toEqual([11, 12, 13].map((l) => [l, '[Component Name]', 'other', null, '[Purpose and responsibilities]']));
  });

  test('004: two feature-guide components with files and purposes', () => {
    expect(rows(seed('004_'))).toEqual([20, 25].map((l) => [l, '[Component Name]', 'other', 'src/path/to/component.py', '[What it does]']));
  });
});

describe('forms', () => {
  test('implementation bullets: code span names, paths as files, several names, plain names', () => {
    expect(rows(md(
      '## Core Components', '### Backend',
      '- **Model**: `WidgetModel` - Widget rows',
      '- **Repository**: `src/repositories/widget_repo.py` - Data access',
      '- **Hooks**: `useWidget`, `useWidgets` - Data hooks',
      '- **Service**: WidgetService',
      '- **Purpose**: not a component'))).toEqual([
      [3, 'WidgetModel', 'model', null, 'Widget rows'],
      [4, 'widget_repo', 'repository', 'src/repositories/widget_repo.py', 'Data access'],
      [5, 'useWidget', 'hook', null, 'Data hooks'],
      [5, 'useWidgets', 'hook', null, 'Data hooks'],
      [6, 'WidgetService', 'service', null, null],
    ]);
  });

  test('technical-design names give kinds; frontend headings make UI names components', () => {
    expect(rows(md(
      '## Architecture', '### Components',
      '- **BookmarkService**: business rules',
      '- **BookmarkRepo**: storage',
      '- **useBookmarks**: data hook',
      '- **AuthProvider**: session',
      '- **BookmarkRouter**: HTTP routes',
      '- **BookmarkModel**: ORM row',
      '- **StripeClient**: payments',
      '- **BookmarkList**: list',
      '- **Scheduler**: cron',
      '### Frontend',
      '- **BookmarkList**: list view',
      '- **EditDialog**: edit'))).toEqual([
      [3, 'BookmarkService', 'service', null, 'business rules'],
      [4, 'BookmarkRepo', 'repository', null, 'storage'],
      [5, 'useBookmarks', 'hook', null, 'data hook'],
      [6, 'AuthProvider', 'context', null, 'session'],
      [7, 'BookmarkRouter', 'routes', null, 'HTTP routes'],
      [8, 'BookmarkModel', 'model', null, 'ORM row'],
      [9, 'StripeClient', 'api', null, 'payments'],
      [10, 'BookmarkList', 'other', null, 'list'],
      [11, 'Scheduler', 'other', null, 'cron'],
      [13, 'BookmarkList', 'component', null, 'list view'],
      [14, 'EditDialog', 'component', null, 'edit'],
    ]);
  });

  test('bullets outside component sections are not components', () => {
    expect(rows(md(
      '## Error Handling', '### Backend Error Handling', '- **Validation Errors**: 400',
      '## Integration Points', '### Frontend Components', '- **[Component]** integrates with **[Other]**',
      '## Security Considerations', '- **Authentication**: tokens'))).toEqual([]);
  });

  test('Kiro sub-headings under a components heading', () => {
    expect(rows(md(
      '## Components and Interfaces',
      '### Frontend Components',
      '#### 1. AccountLayout',
      '- **Purpose**: Layout wrapper',
      '- **Location**: `frontend/src/AccountLayout.tsx`',
      '### Backend Controllers & Services',
      '#### CustomerAccountService',
      'Business rules for accounts.',
      '#### 2. 數據收集服務 (DataCollectionService)',
      '```python', 'class DataCollectionService: ...', '```',
      '### 3. LocalLoginForm Component',
      '**File**: `features/auth/LocalLoginForm.tsx`',
      '### Backend DTOs',
      '### Database Schema (Prisma)'))).toEqual([
      [3, 'AccountLayout', 'component', 'frontend/src/AccountLayout.tsx', 'Layout wrapper'],
      [7, 'CustomerAccountService', 'service', null, 'Business rules for accounts.'],
      [9, 'DataCollectionService', 'service', null, '數據收集服務'],
      [13, 'LocalLoginForm Component', 'component', 'features/auth/LocalLoginForm.tsx', null],
    ]);
  });
});

describe('corpus', () => {
  test('Kiro designs', () => {
    const a = corpus('B', 'customer-account-management__design');
    const ca = extractComponents(docContext(a.text, { path: a.path }));
    expect(ca.map((c) => [c.source.line, c.name, c.kind])).toEqual([
      [62, 'AccountLayout', 'component'], [68, 'ProfileCard & ProfileEditForm', 'component'],
      [74, 'AddressList & AddressForm', 'component'], [80, 'PaymentMethodList & PaymentMethodForm', 'component'],
      [86, 'WishlistGrid & WishlistItem', 'component'], [92, 'AccountSettings', 'component'],
      [100, 'CustomerAccountController', 'routes'], [120, 'CustomerAccountService', 'service'],
    ]);
    const audit = corpus('B', 'activity-audit-log__design');
    expect(extractComponents(docContext(audit.text, { path: audit.path }))).toEqual([]);
    const stock = corpus('B', 'stock-analysis-platform__design');
    expect(extractComponents(docContext(stock.text, { path: stock.path })).map((c) => [c.name, c.kind])).toEqual([
      ['StockManagementService', 'service'], ['DataCollectionService', 'service'], ['TechnicalIndicatorService', 'service'],
      ['TradingSignalService', 'service'], ['股票管理組件', 'component'], ['圖表顯示組件', 'component'], ['技術指標面板', 'other'],
    ]);
  });

  test('no exception on any corpus file', () => {
    for (const dir of ['A', 'B', 'C', 'D', 'E']) {
      for (const f of readdirSync(new URL(`corpus/${dir}/`, SHARED))) {
        const ctx = docContext(readFileSync(new URL(`corpus/${dir}/${f}`, SHARED), 'utf8'), { path: `${dir}/${f}` });
        expect(() => extractComponents(ctx)).not.toThrow();
      }
    }
  });
});

test('never throws on arbitrary Markdown', () => {
  fc.assert(fc.property(markdown, (text) => {
    const ctx = docContext(text);
    expect(Array.isArray(extractComponents(ctx))).toBe(true);
  }), { numRuns: 300 });
});
