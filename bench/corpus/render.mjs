/** One generated document: the feature's facts rendered in its style. */
import { makeFeature } from './feature.mjs';
import { design } from './styles/design.mjs';
import { featureGuide } from './styles/feature-guide.mjs';
import { implementation } from './styles/implementation.mjs';
import { plan } from './styles/plan.mjs';
import { technicalDesign } from './styles/technical-design.mjs';

const WRITERS = { implementation, design, plan, 'technical-design': technicalDesign, 'feature-guide': featureGuide };

/** Feature `n` (1-based) of a corpus of `total`: its folder id, style, relative path and Markdown text. */
export function renderFeature(seed, n, total) {
  const f = makeFeature(seed, n, total);
  const text = WRITERS[f.style](f);
  return { id: f.id, style: f.style, path: `docs/features/${f.id}/${f.style}.md`, text };
}
