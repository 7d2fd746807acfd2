/**
 * Entities from Python model classes: Pydantic / dataclass annotations (`name: str = "x"  # comment`)
 * and SQLAlchemy columns (`id = Column(UUID, primary_key=True, default=uuid4)`).
 */
import type { Field } from '../../schema.js';
import { splitTop } from '../../field-type.js';
import { makeField } from './field.js';

export interface PyClass {
  name: string;
  /** 0-based line of the `class` keyword within the code. */
  line: number;
  fields: Field[];
}

const CLASS = /^class\s+([A-Za-z_]\w*)\s*(?:\(([^)]*)\))?\s*:/;
const ANNOTATED = /^([A-Za-z_]\w*)\s*:\s*([^=#]+?)\s*(?:=\s*([^#]+?))?\s*(?:#\s*(.*))?$/;
const COLUMN = /^([A-Za-z_]\w*)\s*(?::\s*([^=]+?))?\s*=\s*(?:sa\.|db\.)?(Column|mapped_column|Field)\s*\((.*)\)\s*(?:#\s*(.*))?$/;

function kwarg(args: string[], key: string): string | null {
  for (const a of args) {
    const m = new RegExp(`^${key}\\s*=\\s*(.+)$`, 's').exec(a);
    if (m) return m[1]!.trim();
  }
  return null;
}

const unquote = (s: string | null) => (s === null ? null : s.replace(/^(['"])(.*)\1$/s, '$2'));

function columnField(m: RegExpExecArray, line: number): Field {
  const [, name, annotation, kind, argText, comment] = m;
  const args = splitTop(argText!, ',');
  const positional = args.filter((a) => !/^\w+\s*=/.test(a));
  const pydantic = kind === 'Field';
  const typeArg = annotation?.trim() || (pydantic ? '' : (positional.find((a) => !/^(?:ForeignKey|['"])/.test(a)) ?? ''));
  const rawType = typeArg.replace(/^(?:sa\.|db\.)/, '').replace(/\(\)$/, '');
  const pk = kwarg(args, 'primary_key') === 'True';
  const nullable = kwarg(args, 'nullable');
  const first = pydantic && positional[0] !== undefined && positional[0] !== '...' ? positional[0] : null;
  const def = first ?? kwarg(args, 'default') ?? kwarg(args, 'server_default') ?? kwarg(args, 'default_factory');
  const optional = /^Optional\s*\[|\|\s*None\b/.test(rawType);
  const required = pydantic ? positional[0] === '...' || (def === null && !optional) : pk || nullable === 'False';
  return makeField(name!, rawType, {
    required: def !== null && !pk ? false : required,
    default: def,
    description: unquote(kwarg(args, 'description') ?? kwarg(args, 'comment') ?? kwarg(args, 'doc')) ?? (comment?.trim() || null),
    line,
  });
}

function annotatedField(m: RegExpExecArray, line: number): Field {
  const [, name, type, def, comment] = m;
  const optional = /^Optional\s*\[|\|\s*None\b|^None\s*\|/.test(type!.trim());
  return makeField(name!, type!, { required: !optional && def === undefined, default: def?.trim() ?? null, description: comment?.trim() || null, line });
}

/** Every class of the code with annotated or Column fields (code-relative lines). Nested blocks are skipped. */
export function pythonClasses(code: string): PyClass[] {
  const out: PyClass[] = [];
  const lines = code.split('\n');
  let cur: PyClass | null = null;
  let bodyIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    const cls = CLASS.exec(line.trim());
    if (cls && indent === 0) {
      cur = { name: cls[1]!, line: i, fields: [] };
      out.push(cur);
      bodyIndent = -1;
      continue;
    }
    if (!cur) continue;
    if (indent === 0) {
      cur = null;
      continue;
    }
    if (bodyIndent < 0) bodyIndent = indent;
    if (indent !== bodyIndent) continue;
    const text = line.trim();
    const col = COLUMN.exec(text);
    const ann = col ? null : ANNOTATED.exec(text);
    const f = col ? columnField(col, i) : ann ? annotatedField(ann, i) : null;
    if (f && !/^(?:model_config|Config|__\w+__)$/.test(f.name) && !cur.fields.some((x) => x.name === f.name)) cur.fields.push(f);
  }
  return out.filter((c) => c.fields.length > 0);
}
