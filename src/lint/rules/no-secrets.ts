import { docText, positionAt } from '../../markdown/doc-text.js';
import { defineRule } from '../types.js';

/** Each pattern with a literal that every match of it contains (a text without it is not searched). */
const PATTERNS: [RegExp, string, string][] = [
  [/\b(?:sk|rk)_live_[0-9a-zA-Z]{16,}\b/g, 'Stripe live key', '_live_'],
  [/\bAKIA[0-9A-Z]{16}\b/g, 'AWS access key id', 'AKIA'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/g, 'GitHub token', 'gh'],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}\b/g, 'GitHub token', 'github_pat_'],
  [/\bxox[baprs]-[0-9A-Za-z-]{10,}\b/g, 'Slack token', 'xox'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, 'Google API key', 'AIza'],
  [/\bglpat-[0-9A-Za-z_-]{20,}\b/g, 'GitLab token', 'glpat-'],
  [/\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/g, 'OpenAI key', 'sk-'],
  [/-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g, 'private key', '-----BEGIN '],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g, 'JSON Web Token', 'eyJ'],
];

/**
 * Published samples that only look live: the example key ids of AWS's documentation (`AKIAIOSFODNN7EXAMPLE`)
 * and jwt.io's sample token (subject 1234567890, John Doe), which documents copy as is.
 */
function publishedSample(token: string): boolean {
  if (token.endsWith('EXAMPLE')) return true;
  if (!token.startsWith('eyJ')) return false;
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    return claims['sub'] === '1234567890' && claims['name'] === 'John Doe';
  } catch {
    return false;
  }
}

/**
 * A credential assignment on one line (`[^\S\n]`: white space but a line break). The name may be part of
 * an environment variable or a setting (`DB_PASSWORD`, `JWT_SECRET`, `SECRET_KEY`, `AWS_SECRET_ACCESS_KEY`,
 * `spring.datasource.password`): after any character but a letter or digit, and with a `_KEY` after it.
 */
const PASSWORD = /(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|api[_-]?key|token|client[_-]?secret)(?:[_-](?:access[_-])?key)?(?![A-Za-z0-9])["']?[^\S\n]*[=:][^\S\n]*["']?([^\s"'`,;]+)/gi;
/** Where the user information of a URL (`user:password@`) ends: a slash, an at sign, white space or a quote. */
const USERINFO_END = /[\s/@'"`]/;

/**
 * The passwords of connection URLs (`postgres://user:PASSWORD@host`), with their offsets: from each `://`
 * after a scheme (a letter, then up to 30 letters, digits, `+`, `.` or `-`), the user information up to
 * its `@`. (A regular expression took 15 ms of a 3,000-document lint for what this finds in 3.)
 */
function* urlPasswords(text: string): Generator<{ value: string; index: number }> {
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 3)) {
    let s = at;
    while (s > 0 && at - s < 31 && /[A-Za-z0-9+.-]/.test(text[s - 1]!)) s--;
    if (s === at || !/[A-Za-z]/.test(text[s]!) || (s > 0 && /\w/.test(text[s - 1]!))) continue;
    let colon = -1;
    let end = at + 3;
    while (end < text.length && !USERINFO_END.test(text[end]!)) {
      if (text[end] === ':' && colon < 0) colon = end;
      end++;
    }
    if (text[end] === '@' && colon >= 0 && end > colon + 1) yield { value: text.slice(colon + 1, end), index: colon + 1 };
  }
}
/** A value cut short with an ellipsis is an example. */
const ELLIPSIS = /(?:\.\.\.|…)$/;
/** Values that are clearly placeholders, references or examples. */
const FAKE = /^(?:\$\{?[\w.:-]+\}?|<[^>]*>|\[[^\]]*\]|\{\{[^}]*\}\}|%[\w]+%?|\*+|x{3,}|\.{3}|changeme|change-me|your[_-].*|example.*|password|secret|test|dummy|placeholder|redacted|null|none|true|false|string|required|optional|env|process\.env.*|os\.environ.*|\(.*)$/i;

/** Capital words joined by underscores, after a key's short lower-case prefix: `re_YOUR_API_KEY_HERE`. */
const CAPITAL_WORDS = /^(?:[a-z]{1,4}_){0,2}\p{Lu}+(?:[_-]\p{Lu}+)+$/u;

function realLooking(value: string): boolean {
  if (FAKE.test(value) || value.length < 8 || CAPITAL_WORDS.test(value)) return false;
  if (/^x+$/i.test(value.replace(/[-_]/g, ''))) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 2 && !/^[a-z_]+$/i.test(value);
}


const mask = (s: string) => (s.length <= 8 ? '****' : `${s.slice(0, 4)}…${s.slice(-2)}`);

export default defineRule({
  id: 'no-secrets',
  description: 'No live-looking keys, tokens, private keys or passwords in a document: credential settings (`DB_PASSWORD=...`, `api_key: ...`) and connection URLs are read; placeholders (`${VAR}`, `<...>`, `change-me`, `YOUR_KEY_HERE`, a value cut short with `...`) pass',
  defaultSeverity: 'error',
  scope: 'document',
  examples: [
    {
      fail: '# Feature: Payments\n\n## Configuration\n\n```env\nSTRIPE_KEY=sk_' + 'live_4eC39HqLyjWDarjtT1zdp7dc' + '\nDB_PASSWORD=Tr0ub4dor&3x\n```\n',
      pass: '# Feature: Payments\n\n## Configuration\n\n```env\nSTRIPE_KEY=${STRIPE_KEY}\nDB_PASSWORD=change-me\n```\n',
    },
  ],
  check({ doc, report }) {
    // The whole text is searched once (the patterns cannot cross a line), each finding placed by its offset.
    const all = docText(doc.doc);
    for (const [re, what, literal] of PATTERNS) {
      if (!all.includes(literal)) continue;
      for (const m of all.matchAll(re)) {
        if (publishedSample(m[0])) continue;
        report({ path: doc.path, ...positionAt(doc.doc, m.index), message: `${what} (${mask(m[0])}) written in the document; use a placeholder such as \${VAR} and keep the real value in a secret store` });
      }
    }
    // (No quick test first: most design documents mention a token, so it only added a pass.)
    for (const m of all.matchAll(PASSWORD)) {
      if (ELLIPSIS.test(m[1]!)) continue;
      const value = m[1]!.replace(/[)\]}:;,.]+$/, '');
      if (!realLooking(value) || PATTERNS.some(([re]) => new RegExp(re.source).test(value))) continue;
      report({ path: doc.path, ...positionAt(doc.doc, m.index + m[0].length - value.length), message: `credential value (${mask(value)}) written in the document; use a placeholder such as \${VAR} or change-me` });
    }
    if (all.includes('://')) {
      for (const { value, index } of urlPasswords(all)) {
        if (!realLooking(value)) continue;
        report({ path: doc.path, ...positionAt(doc.doc, index), message: `password in a connection URL (${mask(value)}) written in the document; use a placeholder such as \${DB_PASSWORD}` });
      }
    }
  },
});
