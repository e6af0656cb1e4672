import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MigrationError } from './migration-error.ts';

/** A migration folder on disk, laid out as Prisma does: `<migrationsDir>/<name>/migration.sql`. */
export interface MigrationFile {
  name: string;
  script: string;
  /** sha256 (hex) of migration.sql's bytes: the value Prisma stores in `_prisma_migrations.checksum`. */
  checksum: string;
}

export const MIGRATION_SCRIPT = 'migration.sql';
const LOCK_FILE = 'migration_lock.toml';

export function checksumOf(script: string | Uint8Array): string {
  return createHash('sha256').update(script).digest('hex');
}

/**
 * Whether a script still matches the checksum recorded when it was applied. Like Prisma, line endings do not count:
 * git may check a file out with CRLF on one machine and LF on another.
 */
export function scriptMatchesChecksum(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\r\n', '\n').replaceAll('\n', '\r\n')];
  return variants.some((variant) => checksumOf(variant) === recorded);
}

/** Migration folders in the order they apply: by name, compared as bytes (timestamps sort first to last). */
export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  await checkLockFileProvider(migrationsDir);
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareBytewise);
  return Promise.all(names.map((name) => readMigrationFile(migrationsDir, name)));
}

async function readMigrationFile(migrationsDir: string, name: string): Promise<MigrationFile> {
  const file = path.join(migrationsDir, name, MIGRATION_SCRIPT);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new MigrationError('MISSING_SCRIPT', `migration folder ${name} has no ${MIGRATION_SCRIPT} (${file})`, {
      cause: error,
    });
  }
  return { name, script: bytes.toString('utf8'), checksum: checksumOf(bytes) };
}

async function checkLockFileProvider(migrationsDir: string): Promise<void> {
  let toml: string;
  try {
    toml = await readFile(path.join(migrationsDir, LOCK_FILE), 'utf8');
  } catch {
    return; // Prisma treats a missing lock file as "any provider".
  }
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(toml)?.[1];
  if (provider !== undefined && provider !== 'postgresql') {
    throw new MigrationError('P3019', `${LOCK_FILE} is for provider "${provider}", this runner applies postgresql`);
  }
}

function compareBytewise(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
