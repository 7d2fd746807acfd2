import type { LintDiagnostic, Rule } from '../types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0: one run, the rule catalogue as the driver's rules, one result per diagnostic. */
export function sarif(diags: readonly LintDiagnostic[], rules: readonly Pick<Rule, 'id' | 'description' | 'defaultSeverity'>[], version: string): unknown {
  const ids = [...rules.map((r) => r.id)];
  for (const d of diags) if (!ids.includes(d.rule)) ids.push(d.rule);
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'featspec',
            version,
            informationUri: 'https://github.com/featspec/featspec',
            rules: ids.map((id) => {
              const r = byId.get(id);
              return {
                id,
                shortDescription: { text: r?.description ?? (id === 'directive' ? 'A featspec-disable or featspec-enable comment names no rule' : 'Problem found while reading the workspace') },
                // Only rules have a page in docs/rules.
                ...(r ? { helpUri: `https://github.com/featspec/featspec/blob/main/docs/rules/${id}.md` } : {}),
                defaultConfiguration: { level: r && r.defaultSeverity !== 'off' ? LEVEL[r.defaultSeverity] : 'error' },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
        results: diags.map((d) => ({
          ruleId: d.rule,
          ruleIndex: ids.indexOf(d.rule),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column },
              },
            },
          ],
        })),
      },
    ],
  };
}
