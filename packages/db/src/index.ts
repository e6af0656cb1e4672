export * from './generated/prisma/client.ts';
export { createPrismaClient, type CreatePrismaClientOptions } from './client.ts';
export {
  DEFAULT_MIGRATIONS_DIR,
  MIGRATION_LOCK_KEY,
  migrate,
  type MigrateOptions,
  type MigrateResult,
} from './migrate.ts';
export { MigrationError, type MigrationErrorCode } from './migration-error.ts';
