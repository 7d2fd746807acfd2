/**
 * File-system access for rules that check references (the only I/O rules see, injected by the edge).
 * Answers are kept for the life of the object, one lint run: features of a workspace plan and
 * reference the same files again and again.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function fsAccess(root: string): { exists(path: string): boolean; read(path: string): string | null } {
  const cache = new Map<string, string | null>();
  const present = new Map<string, boolean>();
  return {
    exists: (p) => {
      let there = present.get(p);
      if (there === undefined) present.set(p, (there = existsSync(join(root, p))));
      return there;
    },
    read: (p) => {
      if (cache.has(p)) return cache.get(p)!;
      let text: string | null = null;
      try {
        const abs = join(root, p);
        if (statSync(abs).size <= 5 * 1024 * 1024) text = readFileSync(abs, 'utf8');
      } catch {
        text = null;
      }
      cache.set(p, text);
      return text;
    },
  };
}
