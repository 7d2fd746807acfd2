/**
 * Structured YAML endpoint specs (one per block): `method: POST`, `path: /api/v1/x`,
 * `description:`, `authentication: { required: true }`, `request: { query_params: {...} }`,
 * `response: { success: { status: 201 }, errors: [{ status: 400, message: ... }] }`.
 * Read line by line (indentation), so that a block with invalid YAML still gives what it says.
 */
import type { CodeBlock } from '../../../markdown/types.js';
import { addQuery, addResponse, candidate, RANK, setAuth, setSummary, SUMMARY, type Candidate } from './candidate.js';
import { codeLine, codeLines } from './code.js';
import { inferType, normalizeMethod, normalizePath, normalizeType, type PathOptions } from './normalize.js';
import { parseAuth } from './values.js';

const indent = (s: string) => s.length - s.trimStart().length;
const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2');

export function readSpecBlock(block: CodeBlock, opts: PathOptions): Candidate | null {
  if (!/^(yaml|yml|)$/.test(block.lang) || !block.code.includes('method:')) return null;
  const lines = codeLines(block);
  const top = (key: string) => {
    const re = new RegExp(`^${key}:\\s*\\S`);
    return lines.findIndex((l) => re.test(l));
  };
  const mi = top('method');
  const pi = top('path');
  if (mi < 0 || pi < 0) return null;
  const method = normalizeMethod(unquote(lines[mi]!.replace(/^method:/, '')));
  const norm = normalizePath(unquote(lines[pi]!.replace(/^path:/, '')), opts);
  if (!method || !norm) return null;
  const c = candidate(method, norm.path, codeLine(block, mi), RANK.definition, norm.query);
  let section = '';
  let queryIndent = -1;
  let paramIndent = -1;
  let param: string | null = null;
  let last: { status: number; column: number } | null = null;
  for (const line of lines) {
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const ind = indent(line);
    const kv = /^\s*(?:-\s+)?([\w.-]+):\s*(.*)$/.exec(line);
    if (ind === 0) {
      section = kv?.[1]?.toLowerCase() ?? '';
      queryIndent = -1;
      if (section === 'description' || section === 'summary') setSummary(c, unquote(kv![2]!), SUMMARY.label);
      if (section === 'auth' || section === 'authentication') if (kv![2]) setAuth(c, parseAuth(unquote(kv![2]!)));
      continue;
    }
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = unquote(kv[2]!);
    if (section === 'authentication' || section === 'auth') {
      if (key === 'required') setAuth(c, /^(true|yes)$/i.test(value) ? 'required' : /^(false|no)$/i.test(value) ? 'none' : 'unspecified');
    } else if (section === 'request') {
      if (/^(query|query_params|query_parameters|params|parameters)$/.test(key) && !value) {
        queryIndent = ind;
        paramIndent = -1;
      } else if (queryIndent >= 0 && ind <= queryIndent) queryIndent = -1;
      else if (queryIndent >= 0) {
        if (paramIndent < 0) paramIndent = ind;
        if (ind === paramIndent) {
          param = kv[1]!;
          addQuery(c, { name: param, type: null, default: null });
        } else if (param && key === 'type') addQuery(c, { name: param, type: normalizeType(value) ?? value, default: null });
        else if (param && key === 'default' && value) addQuery(c, { name: param, type: inferType(value), default: value });
      }
    } else if (section === 'response' || section === 'responses') {
      if (key === 'status' && /^[1-5]\d\d$/.test(value)) {
        last = { status: Number(value), column: line.indexOf(kv[1]!) };
        addResponse(c, { status: last.status, schema: null, description: null, example: null });
      } else if (last && (key === 'message' || key === 'description') && value && line.indexOf(kv[1]!) === last.column) {
        addResponse(c, { status: last.status, schema: null, description: value, example: null });
      }
    }
  }
  return c;
}
