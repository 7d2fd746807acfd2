/** Component kinds: from an implementation label (`**Hooks**:`) or from a component's name. */
import type { ComponentKind } from '../schema.js';

const LABEL_KINDS: [RegExp, ComponentKind][] = [
  [/^models?$/i, 'model'],
  [/^(?:repositor(?:y|ies)|repos?)$/i, 'repository'],
  [/^services?$/i, 'service'],
  [/^(?:routes?|routers?|controllers?|endpoints?|handlers?|blueprints?)$/i, 'routes'],
  [/^(?:components?|pages?|views?|screens?|ui)$/i, 'component'],
  [/^hooks?$/i, 'hook'],
  [/^(?:contexts?|providers?|stores?)$/i, 'context'],
  [/^(?:api|apis|api client|clients?|api files?)$/i, 'api'],
];

/** The kind an implementation-style label names, or null when the label is not a component kind. */
export function labelKind(label: string): ComponentKind | null {
  const l = label.trim();
  for (const [re, kind] of LABEL_KINDS) if (re.test(l)) return kind;
  return null;
}

const UI_SUFFIX = /(?:component|form|view|page|panel|card|modal|dialog|drawer|button|layout|screen|widget|wizard|組件|组件)$/i;
const FRONTEND_SUFFIX = /(?:list|display|grid|table|item|bar|menu|header|footer|sidebar|settings|badge|tabs?|editor|chart|section|loader)$/i;
const GENERIC_TAIL = /^(?:implementations?|module|modules|layer|class|classes|updated?|new|existing|interface|interfaces)$/i;

/**
 * The kind a name implies: `...Service` service, `...Repository`/`...Repo` repository, `use...` hook,
 * `...Context`/`...Provider` context, `...Router`/`...Routes`/`...Controller` routes, `...Model` model,
 * `...Client`/`...Api` api, UI names (`...Component`, `...Form`, `...Card`, `...Page`) component, and
 * under a frontend heading also `...List`, `...Settings` and other PascalCase names; else other.
 */
export function nameKind(name: string, frontend: boolean): ComponentKind {
  const words = name.replace(/[()[\]`*]/g, ' ').split(/[\s/&,]+/).filter(Boolean);
  while (words.length > 1 && GENERIC_TAIL.test(words[words.length - 1]!)) words.pop();
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  if (/^use[A-Z]/.test(first) && words.length === 1) return 'hook';
  if (/service$/i.test(last)) return 'service';
  if (/(?:repository|repo)$/i.test(last)) return 'repository';
  if (/(?:context|provider)$/i.test(last)) return 'context';
  if (/(?:router|routes|controller|endpoints)$/i.test(last)) return 'routes';
  if (/model$/i.test(last)) return 'model';
  if (/(?:client|api)$/i.test(last)) return 'api';
  if (UI_SUFFIX.test(last)) return 'component';
  if (frontend && (FRONTEND_SUFFIX.test(last) || /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(last))) return 'component';
  return 'other';
}

/** Labels that describe a component (its purpose, file, props): not component names. */
export const ATTRIBUTE_LABEL = /^(?:purpose|description|responsibilit(?:y|ies)|role|file|files|location|path|source|props|properties|features|key features|methods|endpoints|interfaces?|inputs?|outputs?|dependencies|depends on|uses|used by|state|events|notes?|example|usage|type|kind|returns?|parameters|params|api|tech|technology|implementation|behaviou?r|validation|errors?|config|configuration)$/i;
