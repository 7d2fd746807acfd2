/**
 * The four lint output formats, end to end through the CLI: json as the CLI contract shows it, SARIF
 * 2.1.0 validated against the official schema, GitHub workflow commands with their escapes, and pretty
 * with code frames, colours only on a terminal, and the summary line; exit codes and --max-warnings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md, runCli, tempWorkspace } from '../helpers.js';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

// One error (placeholder), one warning (endpoint-responses), one fixable error (table-shape: a short row), in a
// folder whose name needs escaping in a URI and in a workflow command.
const DOC = 'docs/features/001-notes, 100%/design.md';
const FILES = {
  [DOC]: md(
    '# FEAT-001 Design: Notes',
    '',
    '## Overview',
    '',
    'Storage: TBD.',
    '',
    '## API Endpoints',
    '',
    '### GET /api/v1/notes',
    '| Aspect | Detail |',
    '|---|---|',
    '| Auth | None |',
    '',
    '| A | B |',
    '|---|---|',
    '| 1 |',
  ),
};

interface JsonOut {
  diagnostics: { rule: string; severity: string; message: string; feature: string | null; path: string; line: number; column: number; fixable: boolean }[];
  summary: { errors: number; warnings: number; files: number; features: number };
}

let w: ReturnType<typeof tempWorkspace>;
let json: JsonOut;
beforeAll(async () => {
  w = tempWorkspace(FILES);
  const r = await runCli(['lint', '--root', w.root, '--format', 'json', '--disable', 'required-section'], { cwd: w.root });
  expect(r.code).toBe(1);
  json = JSON.parse(r.stdout) as JsonOut;
});
afterAll(() => w.cleanup());

const lint = (...args: string[]) => runCli(['lint', '--root', w.root, '--disable', 'required-section', ...args], { cwd: w.root });

describe('lint output', () => {
  it('json: the contract\'s fields in its order, and the summary', () => {
    expect(json.diagnostics.map((d) => Object.keys(d))).toEqual(json.diagnostics.map(() => ['rule', 'severity', 'message', 'feature', 'path', 'line', 'column', 'fixable']));
    expect(json.diagnostics.map((d) => [d.rule, d.severity, d.path, d.line, d.fixable])).toEqual([
      ['no-placeholder', 'error', DOC, 5, false],
      ['endpoint-responses', 'warning', DOC, 9, false],
      ['table-shape', 'error', DOC, 16, true],
    ]);
    expect(json.diagnostics.every((d) => d.feature === '001-notes, 100%')).toBe(true);
    expect(json.summary).toEqual({ errors: 2, warnings: 1, files: 1, features: 1 });
  });

  it('sarif: valid against the SARIF 2.1.0 schema; every result points at its rule, file, line and column', async () => {
    const r = await lint('--format', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    // The schema's language pattern is not valid with the u flag (a stray "]"), hence unicodeRegExp: false.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(SARIF_SCHEMA);
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const run = log.runs[0];
    expect(run.results.map((x: { ruleId: string; ruleIndex: number; level: string }) => [x.ruleId, run.tool.driver.rules[x.ruleIndex].id, x.level])).toEqual([
      ['no-placeholder', 'no-placeholder', 'error'], ['endpoint-responses', 'endpoint-responses', 'warning'], ['table-shape', 'table-shape', 'error'],
    ]);
    const location = run.results[0].locations[0].physicalLocation;
    expect(location).toEqual({ artifactLocation: { uri: 'docs/features/001-notes%2C%20100%25/design.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: json.diagnostics[0]!.column } });
  });

  it('sarif: a finding that no rule makes (a directive naming no rule) has its descriptor, without a rule page', async () => {
    const { sarif } = await import('../../src/lint/formatters/sarif.js');
    const { RULES } = await import('../../src/lint/rules/index.js');
    const log = sarif([{ rule: 'directive', severity: 'warning', message: 'm', path: 'a.md', line: 1, column: 33, feature: null, fixable: false }], RULES, '0.0.0') as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] } }; results: { ruleIndex: number }[] }[];
    };
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    expect(ajv.compile(SARIF_SCHEMA)(log)).toBe(true);
    const descriptor = log.runs[0]!.tool.driver.rules[log.runs[0]!.results[0]!.ruleIndex]!;
    expect(descriptor.id).toBe('directive');
    expect(descriptor.helpUri).toBeUndefined();
    expect(descriptor.shortDescription.text).toMatch(/names no rule/);
    expect(log.runs[0]!.tool.driver.rules.filter((r) => r.helpUri).length).toBe(RULES.length);
  });

  it('github: one workflow command a finding, properties and data escaped', async () => {
    const r = await lint('--format', 'github');
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`::error file=docs/features/001-notes%2C 100%25/design.md,line=5,col=${json.diagnostics[0]!.column},title=featspec(no-placeholder)::${json.diagnostics[0]!.message}`);
    expect(lines[1]).toMatch(/^::warning file=docs\/features\/001-notes%2C 100%25\/design\.md,line=9,col=1,title=featspec\(endpoint-responses\)::GET \/api\/v1\/notes documents no 2xx success response$/);
  });

  it('pretty: grouped by file, a code frame with a caret, the summary line; colours only on a terminal', async () => {
    const plain = await lint();
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toContain(`${DOC}\n  5:10    error  template placeholder TBD left in the document`);
    expect(plain.stdout).toContain('      5 | Storage: TBD.\n        |          ^');
    expect(plain.stdout.trimEnd().split('\n').pop()).toBe('✖ 2 errors, 1 warning (1 file in 1 feature); 1 fixable with --fix');
    const { main } = await import('../../src/cli/program.js');
    let out = '';
    const io = { stdout: (s: string) => void (out += s), stderr: () => {}, isTTY: true, cwd: w.root, env: {}, now: () => new Date('2026-11-22T10:00:00Z') };
    await main(['lint', '--root', w.root, '--disable', 'required-section'], io);
    expect(out).toMatch(/\u001b\[31m/);
    out = '';
    await main(['lint', '--root', w.root, '--disable', 'required-section'], { ...io, env: { NO_COLOR: '1' } });
    expect(out).not.toMatch(/\u001b\[/);
  });
});

describe('pretty code frames', () => {
  const frame = async (line: string, column: number, message = 'm') => {
    const { pretty } = await import('../../src/lint/formatters/pretty.js');
    const { paint } = await import('../../src/cli/color.js');
    const d = { rule: 'r', severity: 'error' as const, message, path: 'a.md', line: 1, column, feature: null, fixable: false };
    return pretty([d], { errors: 1, warnings: 0, files: 1, features: 1 }, () => [line], paint(false)).split('\n').slice(1, 4);
  };

  it('puts the caret under the column on screen: wide characters take two cells, a tab one', async () => {
    expect((await frame('| 説明 | TBD |', 8)).slice(1)).toEqual(['      1 | | 説明 | TBD |', '        |          ^']);
    expect((await frame('\t名前は TBD', 6)).slice(1)).toEqual(['      1 |  名前は TBD', '        |         ^']);
  });

  it('shows the part of a long line around the column', async () => {
    const line = `${'a'.repeat(300)}TBD${'b'.repeat(300)}`;
    const [, shown, caret] = await frame(line, 301);
    expect(shown!.length).toBeLessThanOrEqual(10 + 163);
    expect(shown!.slice(10, 13)).toBe('...');
    expect(shown!.slice(caret!.indexOf('^'), caret!.indexOf('^') + 3)).toBe('TBD');
  });

  it('never writes a document\'s control characters to the terminal', async () => {
    const out = await frame('x \u001b]0;pwned\u0007 TBD \u009b31m', 2, 'placeholder [\u001b[2J] left');
    expect(out.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out[0]).toContain('placeholder [\\x1b[2J] left');
    expect(out[1]).toBe('      1 | x \\x1b]0;pwned\\x07 TBD \\x9b31m');
  });
});

describe('lint exit codes', () => {
  it('1 on an error; with only warnings 0, unless more than --max-warnings (--disable repeats)', async () => {
    const onlyWarning = ['--disable', 'no-placeholder,table-shape'];
    expect((await lint(...onlyWarning)).code).toBe(0);
    expect((await lint(...onlyWarning, '--max-warnings', '1')).code).toBe(0);
    const over = await lint(...onlyWarning, '--max-warnings', '0');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('1 warning, more than --max-warnings 0');
    expect((await lint('--max-warnings', '5')).code).toBe(1);
    // -1 is no limit, as in eslint.
    expect((await lint(...onlyWarning, '--max-warnings', '-1')).code).toBe(0);
    const bad = await lint('--max-warnings', '-2');
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'featspec: --max-warnings: expected a whole number (0 or more; -1 for no limit), got "-2"']);
  });

  it('2 for options that --watch cannot honour, naming them', async () => {
    const r = await lint('--watch', '--fix', '--format', 'json', '--max-warnings', '0', 'docs');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('featspec: --watch re-lints the whole workspace and prints for people; it cannot be combined with paths, --fix, --format json, --max-warnings');
    const cache = await lint('--watch', '--cache', '--concurrency', '2');
    expect(cache.stderr.trim()).toMatch(/cannot be combined with --cache, --concurrency$/);
  });

  it('2 on a usage error, with one line', async () => {
    const r = await lint('--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
