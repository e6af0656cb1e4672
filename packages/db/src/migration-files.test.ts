import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationError } from './migration-error.ts';
import { checksumOf, readMigrationFiles, scriptMatchesChecksum } from './migration-files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'botflow-migrations-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function addMigration(name: string, script: string | Buffer): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), script);
}

describe('readMigrationFiles', () => {
  it('returns migration folders in name order and ignores loose files', async () => {
    await addMigration('20240102000000_second', 'SELECT 2;');
    await addMigration('20240101000000_first', 'SELECT 1;');
    await addMigration('20240101000000_First', 'SELECT 0;'); // upper case sorts first as bytes, as Prisma sorts
    await writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    await writeFile(path.join(dir, 'README.md'), 'not a migration');

    const files = await readMigrationFiles(dir);

    expect(files.map((file) => file.name)).toEqual([
      '20240101000000_First',
      '20240101000000_first',
      '20240102000000_second',
    ]);
    expect(files[1]?.script).toBe('SELECT 1;');
  });

  it('checksums the exact bytes of migration.sql as sha256 hex', async () => {
    const bytes = Buffer.from('-- CreateTable\r\nCREATE TABLE "t" ("id" TEXT);\n', 'utf8');
    await addMigration('20240101000000_init', bytes);

    const [file] = await readMigrationFiles(dir);

    expect(file?.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(file?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a migration folder without migration.sql', async () => {
    await mkdir(path.join(dir, '20240101000000_empty'));
    await expect(readMigrationFiles(dir)).rejects.toMatchObject({ code: 'MISSING_SCRIPT' });
  });

  it('refuses migrations made for another provider', async () => {
    await writeFile(path.join(dir, 'migration_lock.toml'), '# comment\nprovider = "mysql"\n');
    await expect(readMigrationFiles(dir)).rejects.toBeInstanceOf(MigrationError);
    await expect(readMigrationFiles(dir)).rejects.toMatchObject({ code: 'P3019' });
  });
});

describe('checksums', () => {
  it("match Prisma's sha256 hex with leading zeros kept", () => {
    expect(checksumOf('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('ignore line-ending differences, as git checkouts may differ', () => {
    const lf = 'CREATE TABLE a ();\nCREATE TABLE b ();\n';
    const crlf = lf.replaceAll('\n', '\r\n');
    expect(scriptMatchesChecksum(lf, checksumOf(crlf))).toBe(true);
    expect(scriptMatchesChecksum(crlf, checksumOf(lf))).toBe(true);
  });

  it('notice any other change', () => {
    expect(scriptMatchesChecksum('SELECT 1;\n', checksumOf('SELECT 1;'))).toBe(false);
    expect(scriptMatchesChecksum('SELECT 2;', checksumOf('SELECT 1;'))).toBe(false);
  });
});
