import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MigrationError } from './migration-error.ts';
import { readMigrationFiles, type MigrationFile } from './migration-files.ts';
import { planMigrations, type MigrationRecord } from './migration-plan.ts';

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/** The advisory lock key of Prisma Migrate, so this runner and `prisma migrate deploy` exclude each other too. */
export const MIGRATION_LOCK_KEY = 72707369;

export interface MigrateOptions {
  connectionString: string;
  migrationsDir?: string;
  /** How long to wait for another runner to finish; default 5 minutes. */
  lockTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  unknownApplied: string[];
}

/**
 * Applies pending migrations, each in its own transaction, recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so either tool can take over from the other.
 */
export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: options.connectionString, application_name: 'botflow-migrate' });
  client.on('error', () => undefined); // a lost connection also fails the pending query, which reports it
  await client.connect();
  try {
    // A session lock: released when the connection closes, whatever happens below.
    await acquireLock(client, options.lockTimeoutMs ?? 300_000);
    await ensureMigrationsTable(client);
    const plan = planMigrations(files, await loadRecords(client));
    const applied: string[] = [];
    for (const file of plan.pending) {
      await applyMigration(client, file);
      applied.push(file.name);
      options.log?.(`applied ${file.name}`);
    }
    return { applied, unknownApplied: plan.unknownApplied };
  } finally {
    await client.end();
  }
}

async function acquireLock(client: pg.Client, timeoutMs: number): Promise<void> {
  await client.query(`SELECT set_config('lock_timeout', $1, false)`, [`${Math.max(1, Math.round(timeoutMs))}ms`]);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') {
      throw new MigrationError('LOCK_TIMEOUT', `another migration runner held the lock for over ${timeoutMs} ms`);
    }
    throw error;
  }
  await client.query('RESET lock_timeout');
}

async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
  );
  if (rows.some((row) => row.name === '_prisma_migrations')) return;
  if (rows.length > 0) {
    throw new MigrationError(
      'P3005',
      'the database schema is not empty but has no migration history; baseline it first ' +
        '(https://pris.ly/d/migrate-baseline)',
    );
  }
  // Prisma's own DDL, byte for byte in meaning: same names, types, defaults and primary key.
  await client.query(`CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
  )`);
}

async function loadRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT id, migration_name AS "migrationName", checksum, started_at AS "startedAt", finished_at AS "finishedAt",
            rolled_back_at AS "rolledBackAt", logs
     FROM _prisma_migrations ORDER BY started_at`,
  );
  return rows;
}

async function applyMigration(client: pg.Client, file: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  // As text, so the failure record (written after the rollback) keeps the microseconds too.
  const { rows } = await client.query<{ xid: string; startedAt: string }>(
    'SELECT pg_current_xact_id()::text AS xid, now()::text AS "startedAt"',
  );
  const { xid, startedAt } = rows[0]!;
  try {
    await client.query(file.script); // no parameters: the simple protocol runs every statement of the script
    const after = await client.query<{ xid: string | null }>('SELECT pg_current_xact_id_if_assigned()::text AS xid');
    if (after.rows[0]?.xid !== xid) {
      throw new Error('the script ended the runner transaction (BEGIN/COMMIT/ROLLBACK): part of it may be committed');
    }
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`,
      [randomUUID(), file.checksum, file.name, startedAt],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const logs = error instanceof Error ? error.message : String(error);
    // Recorded like Prisma records a failure, so neither tool applies anything else until someone has looked.
    // If even that fails (the connection is gone), the rollback still left nothing half-applied.
    await client
      .query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, logs) VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), file.checksum, file.name, startedAt, logs],
      )
      .catch(() => undefined);
    throw new MigrationError(
      'P3018',
      `migration ${file.name} failed and was rolled back: ${logs}\n` +
        `Fix it, then run \`prisma migrate resolve --rolled-back ${file.name}\` before migrating again.`,
      { cause: error },
    );
  }
}
