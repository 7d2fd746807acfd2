/** Files a feature can count on: those on disk, and those planned by it or by the features it depends on. */
import type { Feature, Workspace } from '../model/schema.js';
import { resolveFeature } from './model-utils.js';

export function plannedFiles(ws: Workspace, feature: Feature): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (f: Feature) => {
    if (seen.has(f.id)) return;
    seen.add(f.id);
    for (const p of f.filePlan) if (p.action !== 'DELETE') out.add(p.path.replace(/^\.\//, ''));
    for (const c of f.components) if (c.file) out.add(c.file.replace(/^\.\//, ''));
    for (const d of f.dependencies) {
      const r = resolveFeature(ws, d.feature);
      if ('feature' in r) visit(r.feature);
    }
  };
  visit(feature);
  return out;
}
