import { describe, expect, it } from 'vitest';
import { diagramKeyword, mermaidText, originOf } from '../../../src/lint/heavy/mermaid-text.js';

describe('mermaidText', () => {
  it('is the code itself when there is nothing to remove', () => {
    const t = mermaidText('flowchart TD\n  A --> B');
    expect(t.text).toBe('flowchart TD\n  A --> B');
    expect(originOf(t, 2, 2)).toBe(15);
    expect(t.frontMatter).toBeNull();
  });

  it('removes front matter, directives, comment lines and leading space, and maps positions back', () => {
    const code = ['---', 'title: Flow', '---', '%%{init: {"theme": "dark"}}%%', '', '%% a comment', 'flowchart TD', '  %% another', '  A --> B{x (y)}'].join('\n');
    const t = mermaidText(code);
    expect(t.text).toBe('flowchart TD\n  A --> B{x (y)}');
    expect(t.frontMatter).toEqual({ start: 4, end: 15 });
    expect(diagramKeyword(t)).toBe('flowchart');
    // line 2 column 12 of mermaid's text is the "(" on the block's 9th line
    const offset = originOf(t, 2, 12);
    expect(code[offset]).toBe('(');
    expect(code.slice(0, offset).split('\n').length).toBe(9);
  });

  it('skips spaces to the next token and clamps past the end', () => {
    const t = mermaidText('stateDiagram-v2\n B -> C');
    expect(originOf(t, 2, 2, true)).toBe(19);
    expect(originOf(t, 9, 0)).toBe(23);
    expect(originOf(mermaidText(''), 1, 0)).toBe(0);
  });

  it('finds no keyword in an empty diagram', () => {
    expect(diagramKeyword(mermaidText('%% only a comment\n\n'))).toBe('');
  });
});
