// Applies pending migrations to DATABASE_URL: `node packages/db/src/migrate-cli.ts [migrations-dir]`.
import { MigrationError } from './migration-error.ts';
import { migrate } from './migrate.ts';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error('migrate: DATABASE_URL is not set');
  process.exit(2);
}

try {
  const result = await migrate({
    connectionString,
    ...(process.argv[2] ? { migrationsDir: process.argv[2] } : {}),
    log: (line) => console.log(`migrate: ${line}`),
  });
  if (result.applied.length === 0) console.log('migrate: database is up to date, nothing to apply');
  for (const name of result.unknownApplied) {
    console.warn(`migrate: ${name} is applied but not in this checkout (applied by a newer release?)`);
  }
} catch (error) {
  if (error instanceof MigrationError) console.error(`migrate: ${error.message}`);
  else console.error('migrate: unexpected error:', error);
  process.exitCode = 1;
}
