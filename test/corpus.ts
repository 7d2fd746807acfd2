/** Access to the shared corpus of real design documents (../shared/corpus), when present. */
import * as fsSync from 'node:fs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
export const hasCorpus = existsSync(`${CORPUS_DIR}SOURCES.tsv`);

export interface CorpusFile {
  /** File in the corpus folder, e.g. `A/MoonMind__specs__025-task-presets__tasks.md`. */
  file: string;
  repo: string;
  /** Path in its repository, e.g. `specs/025-task-presets/tasks.md`. */
  path: string;
  category: string;
  text: string;
}

export function corpusFiles(): CorpusFile[] {
  if (!hasCorpus) return [];
  const rows = readFileSync(`${CORPUS_DIR}SOURCES.tsv`, 'utf8').trim().split('\n').slice(1);
  return rows.map((row) => {
    const [file, repo, path, , category] = row.split('\t') as [string, string, string, string, string];
    return { file, repo, path, category, text: readFileSync(`${CORPUS_DIR}${file}`, 'utf8') };
  });
}

export const SEED_STYLES = ['implementation', 'design', 'plan', 'technical-design', 'feature-guide'] as const;

/** The five seed templates, in style order (000 .. 004). */
export function seedFiles(): { style: (typeof SEED_STYLES)[number]; text: string; file: string }[] {
  if (!existsSync(SEEDS_DIR)) return [];
  const names = readdirSync(SEEDS_DIR).sort();
  return SEED_STYLES.map((style, i) => {
    const file = names.find((n) => n.startsWith(`00${i}_`));
    if (!file) throw new Error(`seed 00${i} is missing from ${SEEDS_DIR}`);
    return { style, text: readFileSync(`${SEEDS_DIR}${file}`, 'utf8'), file };
  });
}

/**
 * Lay the corpus out as real workspaces, one per source repository, under `dir`: spec-kit and Kiro
 * files keep their repository paths; other documents become `docs/features/NNN-<name>/<file>`.
 * Returns the workspace roots.
 */
export function corpusWorkspaces(dir: string): string[] {
  const { mkdirSync, writeFileSync } = fsSync;
  const roots = new Set<string>();
  const numbers = new Map<string, number>();
  for (const f of corpusFiles()) {
    const root = `${dir}/${f.repo.replace('/', '__')}`;
    roots.add(root);
    let target = f.path;
    if (!/^(?:specs\/|\.kiro\/specs\/)/.test(f.path)) {
      const n = (numbers.get(f.repo) ?? 0) + 1;
      numbers.set(f.repo, n);
      const base = f.path.split('/').pop()!;
      target = `docs/features/${String(100 + n)}-${base.replace(/\.md$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}/${base}`;
    }
    mkdirSync(`${root}/${target.replace(/\/[^/]*$/, '')}`, { recursive: true });
    writeFileSync(`${root}/${target}`, f.text);
  }
  return [...roots].sort();
}
