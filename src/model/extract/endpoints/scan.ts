/**
 * Find `METHOD /path` written in a piece of text: prose, a table cell, a heading, a code line.
 * Also reads curl command lines (`curl -X POST http://host/x`, `curl http://host/x`).
 */
import type { HttpMethod } from '../../schema.js';
import { normalizeMethod, trimPath } from './normalize.js';

export interface Mention {
  method: HttpMethod;
  /** The path as written (host and query string included), trailing punctuation removed. */
  rawPath: string;
  /** Index of the method in the text. */
  index: number;
  /** Index just after the path. */
  end: number;
}

/**
 * An upper-case method (or the `SSE` pseudo-method), optionally in bold, then a path that starts
 * with `/` or with `http(s)://host`. The path stops at white space, quotes, backticks, pipes,
 * emphasis and backslashes; at least one character must follow the first `/`.
 */
const MENTION = /(?<![\w/.$-])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|SSE)(?:\*\*|__)?[ \t]+`?((?:https?:\/\/[^\s/`'"|*\\]+)?\/[^\s`'"|*\\]+)/g;

const QUICK = /GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|SSE/;

export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  if (!text.includes('/') || !QUICK.test(text)) return out;
  for (const m of text.matchAll(MENTION)) {
    const method = normalizeMethod(m[1]!);
    const rawPath = trimPath(m[2]!);
    if (!method || !/^\/[^/\s]/.test(rawPath.replace(/^https?:\/\/[^/]+/i, ''))) continue;
    const start = m.index + m[0].length - m[2]!.length;
    out.push({ method, rawPath, index: m.index, end: start + rawPath.length });
  }
  return out;
}

/**
 * A curl command without `-X`/`--request`: its URL, read as GET, or as POST when the command
 * sends data (`-d`, `--data*`, `-F`, `--form`, `--json`). `command` is the whole command
 * (continuation lines joined). Commands with an explicit method are found by findMentions.
 */
export function curlMention(command: string): { method: HttpMethod; rawPath: string } | null {
  if (!command.includes('curl')) return null;
  if (!/(?:^|[\s;(|&$`])curl\s/.test(command) || /\s(?:-X|--request)\b/.test(command)) return null;
  const url = /\bhttps?:\/\/[^\s/'"]+(\/[^\s'"|;)]*)/.exec(command);
  if (!url || !url[1] || url[1] === '/') return null;
  const sends = /\s(?:-d|--data(?:-raw|-binary|-urlencode)?|-F|--form|--json)\b/.test(command);
  return { method: sends ? 'POST' : 'GET', rawPath: trimPath(url[0]) };
}
