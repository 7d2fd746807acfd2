/** Types of bench/lib/lint-outputs.mjs, for the tests. */
export interface FeatspecCounts {
  diagnostics: number;
  errors: number;
  warnings: number;
  files: number;
  features: number;
  byRule: Record<string, number>;
}
export declare function featspecCounts(text: string): FeatspecCounts;
export declare function markdownlintCounts(text: string): { files: number; errors: number };
export declare function fenceLanguages(text: string): string[];
export declare function dropFences(text: string, lang: string): string;
export declare function verdict(ratio: number, target: number): { met: boolean; over: number; text: string };
