import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

const refs = async (text: string, files: Record<string, string> = {}) =>
  (await lintText(text, { files })).filter((d) => d.rule === 'reference-exists').map((d) => `${d.line}:${d.column} ${d.message}`);

describe('reference-exists links', () => {
  it('checks relative link targets, with or without angle brackets and titles', async () => {
    const doc = md('# FEAT-001 Design: Links', '', '## Overview', '',
      'See [here](../../../src/there.ts), [there](<../../../src/gone.ts>) and [t](../../../src/also-gone.ts "title").');
    const found = await refs(doc, { 'src/there.ts': '' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^5:\d+ .*src\/gone\.ts/);
    expect(found[1]).toMatch(/src\/also-gone\.ts/);
  });

  it('skips a target holding a parenthesis (the link syntax cannot be read without a full parser)', async () => {
    expect(await refs(md('# FEAT-001 Design: Links', '', '## Overview', '', 'See [notes](../../../notes(1).md).'))).toEqual([]);
  });

  it('reads a long line of unclosed links as text', async () => {
    expect(await refs(md('# FEAT-001 Design: Links', '', '## Overview', '', '[a]('.repeat(20_000)))).toEqual([]);
  });

  it('finds heading anchors as GitHub makes them, accepts the hyphen-collapsed form, decodes percent-encoding', async () => {
    const headings = ['## API v2 — the new one', '## Setup', '## Setup', '## Données et schéma', '## 🚀 Rocket launch', '## Use `fetch` and **axios**',
      '## C++ and C#', '## Q & A', '## [The link text](https://example.com)', '## 数据模型', '## Step 1: Install', "## What's new?", '## snake_case_name', '## foo / bar'];
    const links = ['#api-v2--the-new-one', '#api-v2-the-new-one', '#setup', '#setup-1', '#données-et-schéma', '#donn%C3%A9es-et-sch%C3%A9ma', '#-rocket-launch', '#rocket-launch',
      '#use-fetch-and-axios', '#c-and-c', '#q--a', '#the-link-text', '#数据模型', '#step-1-install', '#whats-new', '#snake_case_name', '#foo--bar', '#Setup'];
    const doc = md('# FEAT-001 Design: Anchors', '', '## Overview', '', links.map((l, i) => `[${i}](${l})`).join(' '), '', '[gone](#setup-2) [gone too](#rocket)', '', ...headings.flatMap((h) => [h, '', 'Text.', '']));
    expect((await refs(doc)).map((f) => f.replace(/^\d+:\d+ /, ''))).toEqual([
      'link #setup-2: docs/features/001-example/design.md has no heading with anchor #setup-2',
      'link #rocket: docs/features/001-example/design.md has no heading with anchor #rocket',
    ]);
  });

  it('checks images, reference definitions and links with a query, as GitHub links ?plain=1', async () => {
    const doc = md('# FEAT-001 Design: Links', '', '## Overview', '',
      '![flow](../../img/flow.png) and ![gone](../../img/gone.png)',
      '[spec][s1], [old][s2] and [Decision 1]: a note, not a definition.',
      '[source](../../../src/there.ts?plain=1#L10) and [missing](../../../src/nope.ts?plain=1)',
      '',
      '[s1]: ../../../src/there.ts',
      '[s2]: <../../../src/old.ts> "The old one"',
      '[s3]: #overview',
      '[s4]: #nowhere',
      '[Note]: TBD',
      '[version]: 1.2.0');
    expect(await refs(doc, { 'src/there.ts': '', 'docs/img/flow.png': '' })).toEqual([
      '5:33 image ../../img/gone.png: docs/img/gone.png does not exist in the workspace',
      '7:49 link ../../../src/nope.ts?plain=1: src/nope.ts does not exist in the workspace',
      '10:1 link ../../../src/old.ts: src/old.ts does not exist in the workspace',
      '12:1 link #nowhere: docs/features/001-example/design.md has no heading with anchor #nowhere',
    ]);
  });
});
