import { describe, expect, it } from 'vitest';
import { md } from '../helpers.js';
import { lintText } from './lint-helpers.js';

const secrets = async (text: string) => (await lintText(text)).filter((d) => d.rule === 'no-secrets').map((d) => `${d.line}:${d.column} ${d.message.split(' written')[0]}`);

describe('no-secrets', () => {
  it('places each finding on its line and column', async () => {
    const doc = md('# FEAT-001 Design: Keys', '', '## Configuration', '', '```env', 'A=1', '  password=Tr0ub4dor&3x', 'KEY=AKIA' + 'ABCDEFGHIJKLMNOP', '```');
    expect(await secrets(doc)).toEqual(['7:12 credential value (Tr0u…3x)', '8:5 AWS access key id (AKIA…OP)']);
  });

  it('never takes a value from the next line', async () => {
    expect(await secrets(md('# FEAT-001 Design: Keys', '', 'token:', 'Tr0ub4dor&3xQ9', '', 'password =', '  Zx9!kLmN0pQr'))).toEqual([]);
  });

  it('reads CRLF documents alike', async () => {
    const doc = ['# FEAT-001 Design: Keys', '', 'db password: Tr0ub4dor&3x', ''].join('\r\n');
    expect(await secrets(doc)).toEqual(['3:14 credential value (Tr0u…3x)']);
  });
});
