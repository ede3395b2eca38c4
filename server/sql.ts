/**
 * The one thing PgStorage needs from a database: run a statement with parameters, run several in
 * a transaction. Two drivers give it: PGlite (PostgreSQL compiled to WebAssembly, in this
 * process, on a data folder; the default) and `pg` (a PostgreSQL server, when DATABASE_URL is
 * set). The SQL is the same for both.
 *
 * Parameters are plain strings, numbers, booleans, null and string arrays; JSON travels as text
 * and is cast in SQL (`$1::text::json`), because the two drivers serialize objects differently.
 */
import { mkdir } from 'node:fs/promises';

export type SqlValue = string | number | boolean | null | readonly string[];

export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<{ rows: Row[] }>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly driver: 'pglite' | 'pg';
}

/** PGlite on a data folder (created when missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<typeof db, 'query' | 'exec'>): Sql => ({
    query: async <Row>(text: string, params: readonly SqlValue[] = []) => ({ rows: (await q.query<Row>(text, params as unknown[])).rows }),
    exec: async (text) => void (await q.exec(text)),
  });
  return {
    driver: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}

/** A pool of connections to a PostgreSQL server. */
export async function openPg(connectionString: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', (error) => console.error('[akto server] idle database connection lost:', error.message));
  const wrap = (q: { query: (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }> }): Sql => ({
    query: async <Row>(text: string, params: readonly SqlValue[] = []) => ({ rows: (await q.query(text, params as unknown[])).rows as Row[] }),
    exec: async (text) => void (await q.query(text)),
  });
  return {
    driver: 'pg',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
