import { MigrationError } from './migration-error.ts';
import { scriptMatchesChecksum, type MigrationFile } from './migration-files.ts';

/** A row of `_prisma_migrations`. */
export interface MigrationRecord {
  id: string;
  migrationName: string;
  checksum: string;
  startedAt: Date;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
}

export interface MigrationPlan {
  pending: MigrationFile[];
  /** Applied migrations this checkout does not have (a newer release applied them); reported, not an error. */
  unknownApplied: string[];
}

/**
 * Decides what to apply, refusing as Prisma does when a failed migration is recorded, and, stricter than
 * `prisma migrate deploy`, when an applied migration's file has been edited since.
 * Rolled-back records are history only: their migrations count as not applied.
 */
export function planMigrations(files: readonly MigrationFile[], records: readonly MigrationRecord[]): MigrationPlan {
  const live = records.filter((record) => record.rolledBackAt === null);

  const failed = live.filter((record) => record.finishedAt === null);
  if (failed.length > 0) {
    const details = failed.map(
      (record) =>
        `  ${record.migrationName} (started ${record.startedAt.toISOString()})${record.logs ? `:\n    ${record.logs.trim()}` : ''}`,
    );
    throw new MigrationError(
      'P3009',
      `failed migrations are recorded in _prisma_migrations:\n${details.join('\n')}\n` +
        'Fix the database by hand if needed, then mark each one with `prisma migrate resolve --rolled-back <name>` ' +
        '(or --applied) before migrating again.',
    );
  }

  const applied = new Map(live.map((record) => [record.migrationName, record]));
  const edited = files.filter((file) => {
    const record = applied.get(file.name);
    return record !== undefined && !scriptMatchesChecksum(file.script, record.checksum);
  });
  if (edited.length > 0) {
    throw new MigrationError(
      'CHECKSUM_MISMATCH',
      `already applied migrations were modified afterwards: ${edited.map((file) => file.name).join(', ')}. ` +
        'Restore their original migration.sql and put the change in a new migration.',
    );
  }

  const known = new Set(files.map((file) => file.name));
  return {
    pending: files.filter((file) => !applied.has(file.name)),
    unknownApplied: [...applied.keys()].filter((name) => !known.has(name)),
  };
}
