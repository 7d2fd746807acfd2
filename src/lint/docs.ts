/** Rule documentation generated from the rule metadata: docs/rules/<id>.md and the README table. */
import type { Rule } from './types.js';

const fence = (text: string) => {
  const ticks = text.includes('```') ? '~~~~' : '```';
  return `${ticks}markdown\n${text.endsWith('\n') ? text : `${text}\n`}${ticks}`;
};

export function ruleDoc(rule: Rule<unknown>): string {
  const out = [
    `<!-- Generated from src/lint/rules/${rule.id}.ts by \`npm run docs\`; do not edit. -->`,
    `# ${rule.id}`,
    '',
    rule.description + '.',
    '',
    `- Default severity: **${rule.defaultSeverity}**`,
    `- Scope: ${rule.scope}`,
    `- Fixable with \`--fix\`: ${rule.fixable ? 'yes' : 'no'}`,
    ...(rule.heavy ? ['- Loads a full parser lazily, only when a document has such a block'] : []),
    '',
    'Configure it in `featspec.config.json`:',
    '',
    '```json',
    `{ "rules": { "${rule.id}": "${rule.defaultSeverity === 'error' ? 'warning' : 'error'}" } }`,
    '```',
    '',
    ...(rule.options ? [
      `Options, the second item of the setting: ${rule.options.description ?? 'an object'} For example:`,
      '',
      '```json',
      `{ "rules": { "${rule.id}": ["${rule.defaultSeverity}", ${JSON.stringify(rule.optionsExample ?? {}, null, 1).replace(/\n\s*/g, ' ')}] } }`,
      '```',
      '',
    ] : []),
    `Silence it for one line with \`<!-- featspec-disable-next-line ${rule.id} -->\`.`,
  ];
  rule.examples.forEach((ex, i) => {
    const n = rule.examples.length > 1 ? ` ${i + 1}` : '';
    out.push('', `## Fails${n}`, '', fence(ex.fail), '', `## Passes${n}`, '', fence(ex.pass));
    if (ex.files && Object.keys(ex.files).length) {
      out.push('', 'With these other files in the workspace:', '');
      for (const [p, c] of Object.entries(ex.files)) out.push(`- \`${p}\`${c.trim() ? '' : ' (empty)'}`);
    }
  });
  return `${out.join('\n')}\n`;
}

export function rulesTable(rules: readonly Rule<unknown>[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${r.fixable ? 'yes' : ''} | ${r.description} |`);
  return ['| rule | default | fix | checks |', '|---|---|---|---|', ...rows].join('\n');
}
