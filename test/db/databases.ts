// Both databases every query is tested on: the embedded PGlite (one in-memory instance per test file,
// since creating one costs seconds) and the real PostgreSQL server at 127.0.0.1:5432. Each test gets a
// schema of its own, dropped afterwards. PostgreSQL is required, never skipped: when it does not
// answer, the tests fail saying so (.ci/run starts it).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openSql, pgliteSql, type Sql } from '../../src/db/sql.js';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const KINDS = ['pglite', 'postgres'] as const;
export type Kind = (typeof KINDS)[number];

let pglite: Promise<PGlite> | undefined;

// Creating a PGlite runs initdb (seconds); loading a saved fresh one takes a fraction of that. The
// first test file to need one saves it for the others (written aside, then renamed: files run in parallel).
const TEMPLATE = join(tmpdir(), `treaty-bot-pglite-${process.getuid?.() ?? 0}.tar`);

/** A fresh in-memory PGlite, from the saved template when there is one. */
export async function newPglite(): Promise<PGlite> {
  if (existsSync(TEMPLATE)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(TEMPLATE)]) });
    } catch {
      // A damaged template: make a new one below.
    }
  }
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  const aside = `${TEMPLATE}.${process.pid}`;
  writeFileSync(aside, Buffer.from(await dump.arrayBuffer()));
  renameSync(aside, TEMPLATE);
  return db;
}

export const schemaName = () => `t_${randomBytes(6).toString('hex')}`;

/** A fresh, empty schema on one of the databases; close() drops it. */
export async function freshSql(kind: Kind, schema = schemaName()): Promise<Sql> {
  if (kind === 'postgres') {
    let sql: Sql;
    try {
      sql = await openSql({ url: POSTGRES_URL, schema });
    } catch (error) {
      throw new Error(`PostgreSQL at ${POSTGRES_URL} does not answer (${(error as Error).message}); start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
    }
    return { ...sql, close: async () => { await sql.exec(`DROP SCHEMA ${schema} CASCADE`); await sql.close(); } };
  }
  pglite ??= newPglite();
  const sql = pgliteSql(await pglite);
  await sql.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  return { ...sql, close: async () => { await sql.exec(`DROP SCHEMA ${schema} CASCADE; SET search_path TO public`); } };
}
