/** From a compiled build to served routes: migrate the database, read its columns, build the route table. */
import { describeTables } from './columns.js';
import type { ServeBuild } from './compile.js';
import { DEFAULT_LIMIT, type RateLimit } from './limits.js';
import { migrate, MigrationError, type MigrationResult } from './migrate.js';
import { buildRouteTable, type RouteTable } from './routes/table.js';
import { APP_ROLE, type Store } from './store/types.js';
import { ANONYMOUS_ID } from './subject.js';

export interface Prepared {
  table: RouteTable;
  migration: MigrationResult;
}

export async function prepare(store: Store, build: ServeBuild, options: { allowDestructive: boolean; defaultLimit?: RateLimit }): Promise<Prepared> {
  const migration = await migrate(store, { schemaSql: build.schemaSql, snapshot: build.snapshot, allowDestructive: options.allowDestructive });
  const { columns, withoutRls } = await describeTables(store, build.model.resources.map((r) => r.table));
  if (withoutRls.length > 0) throw new MigrationError(`row-level security is off on ${withoutRls.join(', ')}: owner isolation cannot be enforced, so serve refuses to serve them`);
  try {
    await store.asUser({ userId: ANONYMOUS_ID, role: 'anonymous' }, 'SELECT 1 AS ok', []);
  } catch (e) {
    throw new MigrationError(`requests cannot run as ${APP_ROLE} (${e instanceof Error ? e.message : String(e)}); the database user needs: GRANT ${APP_ROLE} TO <user>`);
  }
  const table = buildRouteTable({ model: build.model, columns, limits: build.limits, defaultLimit: options.defaultLimit ?? DEFAULT_LIMIT, store });
  return { table, migration };
}
