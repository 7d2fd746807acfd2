import { lazyYaml } from './yaml-lazy.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Number of lines the front matter occupies (0 when absent). */
  lines: number;
  error: string | null;
}

/** Read a leading `---` YAML front matter block. Never throws. */
export function readFrontMatter(lines: readonly string[]): FrontMatter {
  if ((lines[0] ?? '').trim() !== '---') return { data: {}, lines: 0, error: null };
  let end = -1;
  for (let i = 1; i < lines.length && i < 500; i++) {
    const t = lines[i]!.trim();
    if (t === '---' || t === '...') {
      end = i;
      break;
    }
  }
  if (end < 0) return { data: {}, lines: 0, error: null };
  const body = lines.slice(1, end).join('\n');
  try {
    const data: unknown = lazyYaml().parse(body);
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      return { data: data as Record<string, unknown>, lines: end + 1, error: null };
    }
    // `---` followed by text and `---` is more likely a horizontal rule than front matter.
    return { data: {}, lines: 0, error: null };
  } catch (e) {
    return { data: {}, lines: end + 1, error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
}
