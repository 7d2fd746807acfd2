/**
 * Word lists for the corpus generator. Chosen so that titles never contain the words style
 * detection keys on (plan, design, tasks, reference, contract, requirements, feature, data model).
 */

export const NOUNS = [
  'account', 'invoice', 'ledger', 'shipment', 'parcel', 'voucher', 'coupon', 'budget', 'receipt', 'payout',
  'refund', 'subscription', 'member', 'team', 'workspace', 'project', 'board', 'ticket', 'comment', 'thread',
  'message', 'channel', 'reminder', 'booking', 'appointment', 'venue', 'room', 'seat', 'event', 'playlist',
  'track', 'album', 'lesson', 'course', 'quiz', 'grade', 'badge', 'streak', 'habit', 'goal',
  'milestone', 'sprint', 'release', 'deployment', 'pipeline', 'build', 'artifact', 'bucket', 'upload', 'attachment',
  'document', 'folder', 'snippet', 'note', 'tag', 'label', 'category', 'catalog', 'product', 'variant',
  'bundle', 'cart', 'order', 'warehouse', 'supplier', 'vendor', 'driver', 'vehicle', 'fleet', 'trip',
  'station', 'sensor', 'reading', 'device', 'alert', 'incident', 'shift', 'roster', 'payroll', 'expense',
  'claim', 'patient', 'clinic', 'prescription', 'recipe', 'ingredient', 'pantry', 'meal', 'garden', 'plant',
  'harvest', 'listing', 'auction', 'bid', 'offer', 'review', 'rating', 'survey', 'poll', 'ballot',
  'petition', 'donation', 'campaign', 'newsletter', 'subscriber', 'lead', 'deal', 'quote', 'estimate', 'license',
  'invite', 'referral', 'reward', 'wallet', 'transfer', 'statement', 'loan', 'portfolio', 'holding', 'watchlist',
  'story', 'episode', 'podcast', 'clip', 'highlight', 'coach', 'athlete', 'workout', 'lap', 'tournament',
  'match', 'fixture', 'stadium', 'ticket_tier', 'menu', 'dish', 'kitchen', 'courier', 'locker', 'pallet',
];

export const QUALIFIERS = [
  'Recurring', 'Shared', 'Bulk', 'Scheduled', 'Offline', 'Realtime', 'Guest', 'Tiered', 'Smart', 'Instant',
  'Archived', 'Weekly', 'Regional', 'Verified', 'Delegated', 'Encrypted', 'Federated', 'Priority', 'Draft', 'Collaborative',
  'Automated', 'Seasonal', 'Public', 'Private', 'Nested', 'Batch', 'Partial', 'Mobile', 'Cross-team', 'Self-serve',
];

export const ACTIVITIES = [
  'Sync', 'Export', 'Import', 'Reminders', 'Approvals', 'Matching', 'Search', 'Sharing', 'Analytics', 'Notifications',
  'Reconciliation', 'Onboarding', 'Checkout', 'Moderation', 'Tracking', 'Scoring', 'Forecasting', 'Archiving', 'Digest', 'Audit',
  'Insights', 'Calendar', 'Inbox', 'Leaderboard', 'Dashboard', 'Workflow', 'Rollover', 'Dispatch', 'Escalation', 'Deduplication',
];

export const ACTORS = ['admins', 'members', 'guests', 'operators', 'owners', 'reviewers', 'coaches', 'dispatchers', 'analysts', 'editors', 'support agents', 'partners'];

export const VERBS = ['create', 'review', 'approve', 'archive', 'share', 'export', 'schedule', 'reconcile', 'tag', 'merge', 'split', 'restore', 'publish', 'assign', 'price', 'verify'];

export const OUTCOMES = [
  'without leaving the current screen', 'in a single batch', 'with a full audit trail', 'from any device',
  'before the nightly cutoff', 'while offline and syncing later', 'under the same permissions as the web app',
  'with optimistic updates', 'across every workspace they belong to', 'with one undo step',
];

/** Field kinds: the same field spelled for each notation the documents use. */
export const KINDS = {
  string: { py: 'str', sql: 'text', ts: 'string', json: (w) => `"${w}"` },
  text: { py: 'str', sql: 'text', ts: 'string', json: (w) => `"Short ${w} text"` },
  int: { py: 'int', sql: 'integer', ts: 'number', json: () => '3' },
  bool: { py: 'bool', sql: 'boolean', ts: 'boolean', json: () => 'true' },
  datetime: { py: 'datetime', sql: 'timestamptz', ts: 'string', json: () => '"2025-03-14T09:30:00Z"' },
  date: { py: 'date', sql: 'date', ts: 'string', json: () => '"2025-03-14"' },
  decimal: { py: 'Decimal', sql: 'numeric(12,2)', ts: 'number', json: () => '129.5' },
  json: { py: 'dict', sql: 'jsonb', ts: 'Record<string, unknown>', json: () => '{ "source": "import" }' },
  list: { py: 'list[str]', sql: 'text[]', ts: 'string[]', json: (w) => `["${w}", "other"]` },
  uuid: { py: 'UUID', sql: 'uuid', ts: 'string', json: () => '"7d9c2f4e-1b3a-4c5d-9e8f-0a1b2c3d4e5f"' },
};

export const FIELDS = [
  ['name', 'string'], ['title', 'string'], ['status', 'string'], ['amount', 'decimal'], ['currency', 'string'],
  ['quantity', 'int'], ['notes', 'text'], ['priority', 'int'], ['due_date', 'date'], ['starts_at', 'datetime'],
  ['ends_at', 'datetime'], ['score', 'int'], ['position', 'int'], ['color', 'string'], ['email', 'string'],
  ['phone', 'string'], ['url', 'string'], ['slug', 'string'], ['locale', 'string'], ['timezone', 'string'],
  ['is_active', 'bool'], ['is_archived', 'bool'], ['retries', 'int'], ['weight', 'decimal'], ['price_cents', 'int'],
  ['external_ref', 'string'], ['checksum', 'string'], ['size_bytes', 'int'], ['duration_ms', 'int'], ['latitude', 'decimal'],
  ['longitude', 'decimal'], ['visibility', 'string'], ['source', 'string'], ['level', 'int'], ['rank', 'int'],
  ['version', 'int'], ['expires_at', 'datetime'], ['approved_at', 'datetime'], ['metadata', 'json'], ['labels', 'list'],
  ['settings', 'json'], ['summary_text', 'text'], ['published_on', 'date'], ['is_pinned', 'bool'], ['capacity', 'int'],
];

export const SERVICES = [
  'Stripe', 'Twilio', 'SendGrid', 'Amazon S3', 'Redis', 'Algolia', 'Mapbox', 'OpenAI', 'Slack', 'Segment',
  'Sentry', 'Postmark', 'Auth0', 'Cloudflare R2', 'Mux', 'Pusher', 'Firebase Cloud Messaging', 'Elasticsearch', 'Kafka', 'Plaid',
];

export const FRONTENDS = ['Next.js 15, React 19', 'React 18 with Vite', 'SvelteKit 2', 'Nuxt 3', 'Remix 2', 'Angular 18'];
export const BACKENDS = ['FastAPI, Python 3.12', 'Flask 3, Python 3.11', 'NestJS 10', 'Express 5, Node 20', 'Django 5', 'Go 1.22 with chi'];
export const DATABASES = ['Supabase PostgreSQL', 'PostgreSQL 16', 'Neon PostgreSQL', 'Amazon RDS PostgreSQL'];
export const AUTHS = ['Supabase Auth', 'Auth0', 'Clerk', 'session cookies', 'JWT bearer tokens'];
export const NODE_ROLES = ['Client', 'Router', 'Service', 'Repository', 'Database', 'Cache', 'Queue', 'Worker', 'Gateway', 'Notifier', 'Scheduler', 'Store'];
export const METRICS = ['p95 latency', 'error rate', 'queue depth', 'cache hit ratio', 'job duration', 'throughput'];

/** `ticket_tier` -> `TicketTier`. */
export const pascal = (w) => w.split(/[_\s-]+/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
/** `TicketTier` / `ticket tier` -> `ticket_tier`. */
export const snake = (w) => w.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase();
export const kebab = (w) => snake(w).replace(/_/g, '-');
export const camel = (w) => { const p = pascal(w); return p.charAt(0).toLowerCase() + p.slice(1); };
export const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** English plural of a lower-case noun (snake_case allowed: the last word is pluralized). */
export function plural(word) {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
