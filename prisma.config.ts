// For the Prisma CLI where its engine can be downloaded (`prisma migrate deploy` is interchangeable with
// packages/db/src/migrate.ts). process.env rather than env(): generate loads this file too, without a database.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
