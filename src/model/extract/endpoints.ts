/**
 * Endpoints of one document, whatever the form they are written in (see endpoints/*):
 * definitions (headings, request blocks, reference blocks, YAML specs, path headings with method
 * bullets), listings (bullets, overview tables, code lines) and mentions (prose, tasks, curl).
 * The same method and path written several times gives one endpoint (endpoints/merge.ts).
 */
import { diagnostic } from '../../diagnostic.js';
import { h1 } from '../../markdown/walk.js';
import type { Endpoint } from '../schema.js';
import type { DocContext } from './context.js';
import { readDefinitions } from './endpoints/definitions.js';
import { events } from './endpoints/events.js';
import { readListings } from './endpoints/listings.js';
import { forgetCodeLines } from './endpoints/code.js';
import { readMentions } from './endpoints/mentions.js';
import { mergeCandidates, toEndpoint } from './endpoints/merge.js';
import type { PathOptions } from './endpoints/normalize.js';

export function extractEndpoints(ctx: DocContext): Endpoint[] {
  try {
    const opts: PathOptions = { template: /\[[^\]]+\]/.test(h1(ctx.doc)?.title ?? '') };
    const evs = events(ctx.doc);
    const all = [...readDefinitions(evs, opts), ...readListings(evs, opts), ...readMentions(evs, opts)];
    return mergeCandidates(all).map((c) => toEndpoint(ctx, c));
  } catch (e) {
    // Readers skip what they do not understand; this only guards the pipeline against a reader bug.
    ctx.diagnostics.push(diagnostic('endpoints-extract', 'error', `endpoints could not be read: ${String(e)}`, ctx.path));
    return [];
  } finally {
    forgetCodeLines();
  }
}
