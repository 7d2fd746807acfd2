/**
 * Every `METHOD /path` written anywhere (prose, task lines, table cells, headings, code lines,
 * curl commands): the weakest evidence, kept only when nothing better describes the endpoint.
 * HTML blocks (template comments) are not read.
 */
import { candidate, RANK, type Candidate } from './candidate.js';
import { codeLine, codeLines, curlCommands } from './code.js';
import { eventLines, type Event } from './events.js';
import { normalizePath, type PathOptions } from './normalize.js';
import { curlMention, findMentions } from './scan.js';
import type { HttpMethod } from '../../schema.js';

export function readMentions(evs: Event[], opts: PathOptions): Candidate[] {
  const out: Candidate[] = [];
  const add = (method: HttpMethod, rawPath: string, line: number) => {
    const norm = normalizePath(rawPath, opts);
    if (norm) out.push(candidate(method, norm.path, line, RANK.mention, norm.query));
  };
  const scan = (text: string, line: number) => {
    for (const m of findMentions(text)) add(m.method, m.rawPath, line);
    const curl = curlMention(text);
    if (curl) add(curl.method, curl.rawPath, line);
  };
  for (const e of evs) {
    // A mention and a curl URL both hold a `/`: texts without one are skipped.
    if (e.kind === 'heading') scan(e.raw, e.line);
    else if (e.kind === 'paragraph' || e.kind === 'item') {
      if (e.text.includes('/')) for (const l of eventLines(e)) scan(l.text, l.line);
    } else if (e.kind === 'table') for (const row of [e.block.header, ...e.block.rows]) for (const c of row.cells) scan(c.text, row.line);
    else if (e.kind === 'code') {
      if (!e.block.code.includes('/')) continue;
      codeLines(e.block).forEach((l, i) => {
        for (const m of findMentions(l)) add(m.method, m.rawPath, codeLine(e.block, i));
      });
      for (const cmd of curlCommands(e.block)) {
        const curl = curlMention(cmd.text);
        if (curl) add(curl.method, curl.rawPath, codeLine(e.block, cmd.index));
      }
    }
  }
  return out;
}
