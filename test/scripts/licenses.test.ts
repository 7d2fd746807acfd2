import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLicenses } from '../../scripts/licenses.mjs';

const dir = mkdtempSync(join(tmpdir(), 'featspec-licenses-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
const built = (p: string) => readFileSync(fileURLToPath(new URL(`../../dist/${p}`, import.meta.url)), 'utf8');

describe('third-party licenses of the bundles', () => {
  it('lists each bundled package once, by name and version, with its license text', () => {
    const zod = require.resolve('zod');
    const md = require.resolve('markdown-it');
    const file = join(dir, 'LICENSES.txt');
    const count = writeLicenses([{ moduleIds: [zod, md, md, '\0rolldown/runtime.js', '/work/src/own.ts'] }], file);
    const text = readFileSync(file, 'utf8');
    expect(count).toBe(2);
    expect(text).toMatch(/^markdown-it 14\.\d+\.\d+ \(MIT\)$/m);
    expect(text).toMatch(/^zod 4\.\d+\.\d+ \(MIT\)$/m);
    expect(text.indexOf('markdown-it ')).toBeLessThan(text.indexOf('zod '));
    expect(text).toContain('Permission is hereby granted');
  });

  it('the build wrote them next to the CLI bundle and the mermaid bundle', () => {
    expect(built('bundle/THIRD-PARTY-LICENSES.txt')).toMatch(/^commander \d/m);
    const mermaid = built('vendor/mermaid/THIRD-PARTY-LICENSES.txt');
    expect(mermaid).toMatch(/^mermaid 11\.17\.2 \(MIT\)$/m);
    expect(mermaid).toMatch(/^dompurify \d/m);
  });
});
