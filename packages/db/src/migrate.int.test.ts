import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checksumOf } from './migration-files.ts';
import { DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_KEY, migrate } from './migrate.ts';
import { query } from './test-support/query.ts';
import { TempMigrations } from './test-support/temp-migrations.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterEach(async () => {
  await db.drop();
});

describe('migrate on the real migrations', () => {
  it('applies them and records each as prisma migrate deploy does', async () => {
    const result = await migrate({ connectionString: db.url });
    expect(result.applied.length).toBeGreaterThan(0);

    const rows = await query(db.url, 'SELECT * FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(result.applied);
    for (const row of rows) {
      const script = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, String(row.migration_name), 'migration.sql'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.started_at).toBeInstanceOf(Date);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({
        checksum: checksumOf(script),
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
      });
    }
  });

  it("creates _prisma_migrations with Prisma's exact columns", async () => {
    await migrate({ connectionString: db.url });
    const columns = await query(
      db.url,
      `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', length: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', length: 64, is_nullable: 'NO', column_default: null },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        length: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      { column_name: 'logs', data_type: 'text', length: null, is_nullable: 'YES', column_default: null },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        length: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        length: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);
    const [pk] = await query(
      db.url,
      `SELECT conname FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass`,
    );
    expect(pk).toEqual({ conname: '_prisma_migrations_pkey' });
  });

  it('applies nothing the second time', async () => {
    await migrate({ connectionString: db.url });
    const again = await migrate({ connectionString: db.url });
    expect(again).toEqual({ applied: [], unknownApplied: [] });
  });
});

describe('migrate with concurrent runners', () => {
  it('applies each migration exactly once', async () => {
    const migrations = await TempMigrations.create({
      '20240101000000_slow': 'CREATE TABLE slow (id int); SELECT pg_sleep(0.3);',
      '20240102000000_counter': 'CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);',
    });
    try {
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => migrate({ connectionString: db.url, migrationsDir: migrations.dir })),
      );
      expect(runs.flatMap((run) => run.applied).sort()).toEqual(['20240101000000_slow', '20240102000000_counter']);
      expect(await query(db.url, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: 2 }]);
      expect(await query(db.url, 'SELECT n FROM counter')).toEqual([{ n: 1 }]);
    } finally {
      await migrations.remove();
    }
  });

  it('gives up with LOCK_TIMEOUT while another runner holds the lock', async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await expect(migrate({ connectionString: db.url, lockTimeoutMs: 200 })).rejects.toMatchObject({
        code: 'LOCK_TIMEOUT',
      });
    } finally {
      await holder.end();
    }
    expect((await migrate({ connectionString: db.url })).applied.length).toBeGreaterThan(0);
  });
});
