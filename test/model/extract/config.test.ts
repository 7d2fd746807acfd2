import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractConfig } from '../../../src/model/extract/config.js';
import { docContext, md, SHARED } from '../../helpers.js';

const P = 'docs/features/001-test/design.md';
const v = (name: string, value: string | null, description: string | null, line: number, path = P) => ({ name, value, description, source: { path, line } });
const seed = (file: string) => extractConfig(docContext(readFileSync(new URL(`seeds/${file}`, SHARED), 'utf8'), { path: file }));

describe('extractConfig: seeds', () => {
  it('000: the [VAR_NAME] placeholder is kept as written, once', () => {
    expect(seed('000_5d07702c5a378465.txt')).toEqual([v('[VAR_NAME]', '[description]', null, 65, '000_5d07702c5a378465.txt')]);
  });

  it('002: the typescript block introduced as configuration ("Environment variables needed")', () => {
    const f = '002_2a0a541a126a2827.txt';
    expect(seed(f)).toEqual([v('EXTERNAL_API_KEY', 'xxx', null, 152, f), v('EXTERNAL_WEBHOOK_SECRET', 'xxx', null, 153, f)]);
  });

  it('004: the python block under ### Configuration; Debug Mode (under Troubleshooting) is not configuration', () => {
    const f = '004_adad539d0e28a50d.txt';
    expect(seed(f)).toEqual([v('FEATURE_ENABLED', 'true', null, 49, f), v('FEATURE_TIMEOUT', '30', null, 50, f), v('FEATURE_MAX_RETRIES', '3', null, 51, f)]);
  });
});

describe('extractConfig: code blocks', () => {
  it('reads ```env blocks anywhere: quotes, export, trailing comments, a comment above a lone variable', () => {
    const ctx = docContext(md(
      '# Guide',
      '## Setup',
      '```env',
      '# Feature flags',
      'FLAG_A=true',
      'FLAG_B=false',
      '',
      '# Resend API key',
      'RESEND_API_KEY="re_123 456"',
      '',
      "export APP_URL='http://localhost:3000' # public URL",
      'EMPTY_VALUE=',
      'lower_case=ignored',
      'X=too-short',
      'HASH_IN_VALUE=abc#def',
      '```',
    ));
    expect(extractConfig(ctx)).toEqual([
      v('FLAG_A', 'true', null, 5),
      v('FLAG_B', 'false', null, 6),
      v('RESEND_API_KEY', 're_123 456', 'Resend API key', 9),
      v('APP_URL', 'http://localhost:3000', 'public URL', 11),
      v('EMPTY_VALUE', null, null, 12),
      v('HASH_IN_VALUE', 'abc#def', null, 15),
    ]);
  });

  it('reads any block under a configuration section; NAME: value only in yaml-like blocks; shell commands keep the first word', () => {
    const ctx = docContext(md(
      '## Environment Variables',
      '```bash',
      'LOG_LEVEL=debug npm start',
      'npm run build',
      '```',
      '```yaml',
      'DATABASE_URL: postgres://localhost/app',
      'nested:',
      '  CACHE_TTL: 300',
      'PARENT_ONLY:',
      '```',
      '```typescript',
      'const API_TIMEOUT = 30;',
      'MAX_ITEMS: 10,',
      'WORKERS=4',
      '```',
      '## Usage',
      '```bash',
      'OTHER_VAR=1 node app.js',
      '```',
      '```yaml',
      'NOT_CONFIG: 1',
      '```',
    ));
    expect(extractConfig(ctx)).toEqual([
      v('LOG_LEVEL', 'debug', null, 3),
      v('DATABASE_URL', 'postgres://localhost/app', null, 7),
      v('CACHE_TTL', '300', null, 9),
      v('WORKERS', '4', null, 15),
    ]);
  });

  it('reads a block right after a paragraph that introduces configuration', () => {
    const ctx = docContext(md('## Deploy', 'Add these to your `.env` file:', '```', 'SECRET_KEY=abc', '```', 'Then run:', '```', 'BUILD_ID=1 make', '```'));
    expect(extractConfig(ctx)).toEqual([v('SECRET_KEY', 'abc', null, 4)]);
  });
});

describe('extractConfig: tables and bullets', () => {
  it('reads | Variable | Required | Description | with the default given in prose', () => {
    const ctx = docContext(md(
      '## Deployment',
      '| Variable | Required | Description |',
      '|---|---|---|',
      '| `PORT` | No | HTTP port (default: 8080) |',
      '| `PG_HOST` | Yes* | PostgreSQL host |',
      '| not a var | x | y |',
    ));
    expect(extractConfig(ctx)).toEqual([v('PORT', '8080', 'HTTP port (default: 8080)', 4), v('PG_HOST', null, 'PostgreSQL host', 5)]);
  });

  it('reads Name/Default/Example tables only under configuration sections', () => {
    const ctx = docContext(md(
      '## Settings',
      '| Name | Default | Example | Description |',
      '|---|---|---|---|',
      '| `CACHE_TTL` | - | 300 | Seconds |',
      '| `$QUEUE_NAME` | jobs | | |',
      '## Fields',
      '| Name | Default |',
      '|---|---|',
      '| `OTHER_NAME` | 1 |',
    ));
    expect(extractConfig(ctx)).toEqual([v('CACHE_TTL', '300', 'Seconds', 4), v('QUEUE_NAME', 'jobs', null, 5)]);
  });

  it('reads bullets under configuration sections', () => {
    const ctx = docContext(md(
      '## Configuration',
      '- `API_KEY` - key for the **API**',
      '- **MAX_RETRIES**: how often to retry',
      '- **TIMEOUT_MS:** request timeout',
      '- RATE_LIMIT=100 - requests per minute',
      '- `PORT=8080` (optional) - listen port',
      '- **NOTE**: not a variable',
      '- plain text',
      '## Troubleshooting',
      '- `DEBUG_MODE` - not configuration here',
    ));
    expect(extractConfig(ctx)).toEqual([
      v('API_KEY', null, 'key for the API', 2),
      v('MAX_RETRIES', null, 'how often to retry', 3),
      v('TIMEOUT_MS', null, 'request timeout', 4),
      v('RATE_LIMIT', '100', 'requests per minute', 5),
      v('PORT', '8080', 'listen port', 6),
    ]);
  });

  it('deduplicates by name: the first mention wins, later ones fill a missing value or description', () => {
    const ctx = docContext(md(
      '## Configuration',
      '- `API_URL` - where the API lives',
      '```env',
      'API_URL=https://api.example.com',
      'TOKEN=abc',
      '```',
      '```env',
      'API_URL=https://other.example.com # ignored',
      'TOKEN=def # the token',
      '```',
    ));
    expect(extractConfig(ctx)).toEqual([v('API_URL', 'https://api.example.com', 'where the API lives', 2), v('TOKEN', 'abc', 'the token', 5)]);
  });
});

const CORPUS = new URL('corpus/E/', SHARED);
describe.skipIf(!existsSync(CORPUS))('extractConfig: E corpus configuration guides', () => {
  const names = (f: string) => extractConfig(docContext(readFileSync(new URL(f, CORPUS), 'utf8'), { path: f })).map((c) => `${c.name}@${c.source.line}`);

  it('ERPVALAR email setup: ```env blocks (translated headings)', () => {
    expect(names('ERPVALAR__docs__EMAIL-SYSTEM-SETUP.md')).toEqual(['RESEND_API_KEY@31', 'EMAIL_FROM@32', 'APP_URL@33']);
  });

  it('dashtact configuration guide: env blocks, duplicates merged', () => {
    expect(names('dashtact__.kiro__specs__landing-page-blog-system__CONFIGURATION_GUIDE.md')).toEqual([
      'NEXT_PUBLIC_ENABLE_LANDING@12', 'NEXT_PUBLIC_ENABLE_BLOG@13', 'NEXT_PUBLIC_BLOG_POSTS_PER_PAGE@97',
      'NEXT_PUBLIC_BLOG_ENABLE_CATEGORIES@98', 'NEXT_PUBLIC_BLOG_ENABLE_TAGS@99', 'NEXT_PUBLIC_BLOG_REQUIRE_AUTHOR@100',
    ]);
  });

  it('ff-public-docs operations: the env-var table', () => {
    const got = names('ff-public-docs__docs__firefoundry__platform__services__notification-service__operations.md');
    expect(got).toHaveLength(11);
    expect(got[0]).toBe('PORT@208');
    expect(got[10]).toBe('APPLICATIONINSIGHTS_CONNECTION_STRING@218');
  });

  it('no-vibe-no-code architecture config: bash blocks under ### Environment Variables', () => {
    const got = extractConfig(docContext(readFileSync(new URL('no-vibe-no-code__docs__deployment__architecture-config.md', CORPUS), 'utf8'), { path: 'x.md' }));
    expect(got.map((c) => c.name)).toEqual([
      'NEXT_PUBLIC_SUPABASE_URL', 'NEXT_PUBLIC_SUPABASE_ANON_KEY', 'GEMINI_API_KEY', 'FF_ENABLE_CLASSIC_ANALYZER', 'FF_ENABLE_KIROWEEN_ANALYZER',
      'NEXT_PUBLIC_FF_ENABLE_CLASSIC_ANALYZER', 'NEXT_PUBLIC_FF_ENABLE_KIROWEEN_ANALYZER', 'AI_TIMEOUT', 'AI_MAX_RETRIES',
      'NEXT_PUBLIC_FF_ENABLE_AUDIO_FEATURES', 'POSTHOG_API_KEY', 'POSTHOG_HOST',
    ]);
    expect(got[2]).toEqual(v('GEMINI_API_KEY', 'your_gemini_api_key', 'AI Services', 54, 'x.md'));
  });
});
