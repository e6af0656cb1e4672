import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';
import { query } from './test-support/query.ts';
import { TempMigrations } from './test-support/temp-migrations.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let db: TestDatabase;
let migrations: TempMigrations;
beforeEach(async () => {
  db = await createTestDatabase({ migrate: false });
  migrations = await TempMigrations.create({ '20240101000000_first': 'CREATE TABLE first (id int);\n' });
});
afterEach(async () => {
  await db.drop();
  await migrations.remove();
});

const run = () => migrate({ connectionString: db.url, migrationsDir: migrations.dir });
const tables = async () =>
  (await query<{ name: string }>(db.url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`))
    .map((row) => row.name)
    .sort();

describe('migrate refuses', () => {
  it('an applied migration whose file changed, and applies nothing else', async () => {
    await run();
    await migrations.write('20240101000000_first', 'CREATE TABLE first (id bigint);\n');
    await migrations.write('20240102000000_second', 'CREATE TABLE second (id int);\n');

    await expect(run()).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
    expect(await tables()).toEqual(['_prisma_migrations', 'first']);
  });

  it('a database with tables but no migration history (P3005)', async () => {
    await query(db.url, 'CREATE TABLE legacy (id int)');
    await expect(run()).rejects.toMatchObject({ code: 'P3005' });
    expect(await tables()).toEqual(['legacy']);
  });
});

describe('a failing migration', () => {
  beforeEach(async () => {
    await migrations.write('20240102000000_broken', 'CREATE TABLE half (id int);\nSELECT 1 / 0;\n');
  });

  it('is rolled back entirely and recorded as failed (P3018)', async () => {
    await expect(run()).rejects.toThrow(/^P3018: .*division by zero/s);

    expect(await tables()).toEqual(['_prisma_migrations', 'first']);
    const [failed] = await query(db.url, `SELECT * FROM _prisma_migrations WHERE migration_name LIKE '%broken'`);
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toContain('division by zero');
  });

  it('blocks every later run until it is resolved, as prisma migrate resolve does (P3009)', async () => {
    await expect(run()).rejects.toMatchObject({ code: 'P3018' });
    await migrations.write('20240102000000_broken', 'CREATE TABLE half (id int);\n');
    await expect(run()).rejects.toMatchObject({ code: 'P3009' });

    // What `prisma migrate resolve --rolled-back 20240102000000_broken` writes.
    await query(db.url, `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL`);
    expect((await run()).applied).toEqual(['20240102000000_broken']);
    expect(await tables()).toEqual(['_prisma_migrations', 'first', 'half']);
  });

  it('cannot escape its transaction with COMMIT unnoticed', async () => {
    await migrations.write('20240102000000_broken', 'CREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);\n');
    await expect(run()).rejects.toThrow(/^P3018: .*ended the runner transaction/s);
    expect(await query(db.url, `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NULL`)).toEqual([
      { n: 1 },
    ]);
  });
});
