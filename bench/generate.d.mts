/** Types of bench/generate.mjs, for the tests. */
export declare const STYLES: readonly ['implementation', 'design', 'plan', 'technical-design', 'feature-guide'];
export type CorpusStyle = (typeof STYLES)[number];

export interface CorpusStats {
  docs: number;
  bytes: number;
  byStyle: Record<CorpusStyle, number>;
}

export declare function generateCorpus(options: { dir: string; features: number; seed: string | number }): CorpusStats;

export declare function renderFeature(seed: string | number, n: number, total: number): { id: string; style: CorpusStyle; path: string; text: string };
