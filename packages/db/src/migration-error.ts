/**
 * Why the migration runner refused or stopped. `code` follows Prisma's error codes where one exists, so an operator
 * can look up the same recovery steps (`prisma migrate resolve ...`).
 */
export type MigrationErrorCode =
  | 'P3005' // the database has tables but no migration history: it must be baselined first
  | 'P3009' // a failed migration is recorded: resolve it before anything else is applied
  | 'P3018' // a migration failed just now (rolled back, and recorded as failed)
  | 'P3019' // migration_lock.toml names another provider
  | 'CHECKSUM_MISMATCH' // an applied migration's file was edited afterwards
  | 'MISSING_SCRIPT' // a migration folder has no migration.sql
  | 'LOCK_TIMEOUT'; // another runner held the migration lock for too long

export class MigrationError extends Error {
  override name = 'MigrationError';
  readonly code: MigrationErrorCode;

  constructor(code: MigrationErrorCode, message: string, options?: ErrorOptions) {
    super(`${code}: ${message}`, options);
    this.code = code;
  }
}
