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

  it('finds every kind of key, each on its own line, and none in a text without them', async () => {
    // Written in pieces so that no scanner takes this file for a leak.
    const keys = [
      ['sk_' + 'live_' + 'a1B2c3D4e5F6g7H8i9J0', 'Stripe live key'],
      ['AKIA' + 'QWERTYUIOPASDFGH', 'AWS access key id'],
      ['ghp' + '_' + 'a'.repeat(20) + 'B1'.repeat(8), 'GitHub token'],
      ['github' + '_pat_' + 'A1b2'.repeat(11), 'GitHub token'],
      ['xox' + 'b-' + '1234567890-abcdef', 'Slack token'],
      ['AI' + 'za' + 'Sy' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'Google API key'],
      ['gl' + 'pat-' + 'a1B2c3D4e5F6g7H8i9J0', 'GitLab token'],
      ['sk' + '-proj-' + 'A1b2C3d4'.repeat(5), 'OpenAI key'],
      ['-----BEGIN ' + 'RSA PRIVATE KEY-----', 'private key'],
      ['ey' + 'JhbGciOiJIUzI1NiJ9.' + 'ey' + 'JzdWIiOiIxMjM0NTY3ODkwIn0.' + 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'JSON Web Token'],
    ];
    const doc = md('# FEAT-001 Design: Keys', '', '## Configuration', '', '```text', ...keys.map(([k]) => `value ${k}`), '```');
    expect(await secrets(doc)).toEqual(keys.map(([k, what], i) => `${6 + i}:7 ${what} (${k!.slice(0, 4)}…${k!.slice(-2)})`));
    expect(await secrets(md('# FEAT-001 Design: Keys', '', 'A task-list of desk-top skills, nothing secret.'))).toEqual([]);
  });

  it('passes the published samples documents copy: AWS\'s example key id and jwt.io\'s sample token', async () => {
    const jwtIoSample = 'ey' + 'JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' + 'ey' + 'JzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.' + 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const doc = md('# FEAT-001 Design: Keys', '', '```bash', 'AWS_ACCESS_KEY_ID=AKIA' + 'IOSFODNN7EXAMPLE', `curl -H "Authorization: Bearer ${jwtIoSample}"`, 'KEY=AKIA' + 'IOSFODNN7EXAMPLF', '```');
    expect(await secrets(doc)).toEqual(['6:5 AWS access key id (AKIA…LF)']);
  });

  it('reads credential names as environment variables and settings spell them', async () => {
    const doc = md('# FEAT-001 Design: Keys', '', '```env',
      'DB_PASSWORD=Tr0ub4dor&3x',
      'JWT_SECRET=9f8e7d6c5b4a3f2e',
      'SECRET_KEY=django-insecure-9x8c7v6b',
      'AWS_SECRET_ACCESS_KEY=Zx9kLmN0pQr7sT2u',
      'spring.datasource.password=S3cure!Pass',
      'GITHUB_TOKEN=${GITHUB_TOKEN}',
      'PASSWORD_MIN_LENGTH=12',
      'TOKEN_TTL=15m',
      'password_reset_url=https://app.example.com/reset',
      '```');
    expect(await secrets(doc)).toEqual([
      '4:13 credential value (Tr0u…3x)',
      '5:12 credential value (9f8e…2e)',
      '6:12 credential value (djan…6b)',
      '7:23 credential value (Zx9k…2u)',
      '8:28 credential value (S3cu…ss)',
    ]);
  });

  it('finds a password in a connection URL, not a placeholder one', async () => {
    const doc = md('# FEAT-001 Design: Keys', '', '```env',
      'DATABASE_URL=postgres://app:Xk9s2LmQ7pWz@db.internal:5432/app',
      'REDIS_URL=redis://:Qw3rTy9UiOp@cache:6379',
      'LOCAL_URL=postgresql://user:password@localhost:5432/mydb',
      'DEV_URL=postgres://postgres:postgres@localhost/dev',
      'ENV_URL=mysql://${DB_USER}:${DB_PASS}@db/app',
      'SAMPLE_URL=postgres://user:<password>@host/db',
      'See https://docs.example.com/a:b@c for more.',
      '```');
    expect(await secrets(doc)).toEqual(['4:29 password in a connection URL (Xk9s…Wz)', '5:20 password in a connection URL (Qw3r…Op)']);
  });

  it('passes a value cut short with an ellipsis: an example, not a credential', async () => {
    const doc = md('# FEAT-001 Design: Keys', '', '```json', '{ "access_token": "eyJhbGciOiJIUzI1NiIs...", "refresh_token": "dGhpcyBpcyBh…" }', '```', 'token: a8F3kQ9zLm2x...');
    expect(await secrets(doc)).toEqual([]);
  });

  it('passes values written as capital words joined by underscores, in any language: placeholders', async () => {
    const doc = md('# FEAT-001 Design: Keys', '', '```env', 'RESEND_API_KEY="re_TU_API_KEY_AQUÍ"', 'STRIPE_SECRET_KEY=sk_test_YOUR_KEY', 'API_TOKEN=INSERT_TOKEN_HERE', 'DB_PASSWORD=MOT_DE_PASSE_ICI', '```');
    expect(await secrets(doc)).toEqual([]);
  });
});
