/** Types of bench/lib/report.mjs, for the tests. */
export declare function replaceSection(text: string, suite: string, body: string): string;
export declare function writeSection(file: string, suite: string, body: string): void;
export declare function markdownTable(head: string[], rows: string[][], align: ('l' | 'r')[]): string;
export declare function textTable(head: string[], rows: string[][], align: ('l' | 'r')[]): string;
export declare function fmt(n: number, digits?: number): string;
