// One way to talk SQL, over either database: PGlite (PostgreSQL compiled to WebAssembly, embedded in
// the process, files in ./data/) by default, or a PostgreSQL server through `pg` when DATABASE_URL is
// set. Both speak the same SQL with $1 parameters, so every query in src/db/ is written once.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Sql extends Queryable {
  /** 'pglite' or 'postgres', for logs and /readyz. */
  readonly kind: 'pglite' | 'postgres';
  /** Several statements at once, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Run fn inside BEGIN/COMMIT on one connection; ROLLBACK if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… : a PostgreSQL server. Otherwise the embedded database in dataDir. */
  url?: string;
  /** Directory for the embedded database; undefined keeps it in memory (tests). */
  dataDir?: string;
  /** A schema of its own (tests, or several bots sharing one database); created when missing. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openSql(options: OpenOptions): Promise<Sql> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) throw new Error(`bad schema name: ${options.schema}`);
  const sql = options.url ? await openPostgres(options.url, options.schema) : await openPglite(options.dataDir);
  if (options.schema) {
    await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    // PGlite has one connection, so a SET sticks; pg sets it per connection (see openPostgres).
    if (sql.kind === 'pglite') await sql.exec(`SET search_path TO ${options.schema}`);
  }
  return sql;
}

async function openPglite(dataDir: string | undefined): Promise<Sql> {
  // Loaded only when used: a bot on PostgreSQL never pays for the WebAssembly module.
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir) return pgliteSql(await PGlite.create());
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const sql = pgliteSql(await PGlite.create(dataDir));
    return { ...sql, close: async () => { try { await sql.close(); } finally { release(); } } };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite's files belong to one process at a time; a second one writing them would corrupt them. A
 * lock file with the owner's pid makes `npm run insights` during a running bot fail with a clear line
 * instead (a lock left by a process that died is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'in-use.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && owner !== process.pid && alive(owner)) {
        throw new Error(`the embedded database in ${dataDir} is in use by process ${owner} (a running bot?): stop it first, or use DATABASE_URL`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock the embedded database in ${dataDir}`);
}

/** A live Node process with that pid (a lock left by a crash may name a pid since reused by another program). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc (macOS): trust the pid
  }
}

/** An open PGlite as Sql (tests share one instance, a schema per test). */
export function pgliteSql(db: PGlite): Sql {
  const query = async <T>(text: string, params?: unknown[]) => (await db.query<T>(text, params)).rows;
  return {
    kind: 'pglite',
    query,
    exec: async (text) => { await db.exec(text); },
    transaction: (fn) => db.transaction((tx) => fn({ query: async <T>(text: string, params?: unknown[]) => (await tx.query<T>(text, params)).rows })),
    close: () => db.close(),
  };
}

async function openPostgres(url: string, schema: string | undefined): Promise<Sql> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    // A database that does not answer must not hold a request's write forever.
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would crash us.
  pool.on('error', () => undefined);
  // Fail now, not at the first write, when the server is unreachable.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    exec: async (text) => { await pool.query(text); },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
