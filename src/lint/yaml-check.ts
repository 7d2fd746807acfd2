/**
 * YAML syntax check for code blocks: js-yaml's parser (~15x faster than the `yaml` package on the
 * blocks design documents hold), loaded on first use. js-yaml cannot represent a mapping with a
 * complex key (`? [a, b]`) as a JavaScript object and reports that as an error although the text is
 * valid YAML; such a block is checked by the `yaml` package instead.
 */
import { lazyJsYaml, lazyYaml, withoutStacks } from '../markdown/yaml-lazy.js';

export interface YamlError {
  /** 1-based line and column in the checked text. */
  line: number;
  column: number;
  message: string;
}

interface JsYamlError {
  name: string;
  reason?: string;
  mark?: { line: number; column: number };
}

const NOT_REPRESENTABLE = /complex keys/;
const ignore = () => {};

/** The first syntax error of a YAML text (all its documents), or null when it is valid YAML. Never throws. */
export function checkYaml(text: string): YamlError | null {
  try {
    withoutStacks(() => lazyJsYaml().loadAll(text, ignore));
    return null;
  } catch (e) {
    const err = e as JsYamlError;
    if (err?.name !== 'YAMLException') return { line: 1, column: 1, message: String(e) };
    if (err.reason && NOT_REPRESENTABLE.test(err.reason)) return checkWithYamlPackage(text);
    const mark = err.mark ?? { line: 0, column: 0 };
    return { line: mark.line + 1, column: mark.column + 1, message: err.reason ?? 'not valid YAML' };
  }
}

function checkWithYamlPackage(text: string): YamlError | null {
  for (const d of withoutStacks(() => lazyYaml().parseAllDocuments(text, { prettyErrors: true }))) {
    const err = 'errors' in d ? d.errors[0] : undefined;
    if (!err) continue;
    const pos = err.linePos?.[0] ?? { line: 1, col: 1 };
    return { line: pos.line, column: pos.col, message: err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') };
  }
  return null;
}
