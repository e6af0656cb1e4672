import { afterAll, beforeAll } from 'vitest';
import { createPrismaClient } from '../client.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from '../testing.ts';

export interface MigratedDatabase {
  readonly database: TestDatabase;
  readonly prisma: PrismaClient;
}

/**
 * For one test file: a throwaway, migrated database and a Prisma client on it, dropped after the file's tests.
 * Read `.prisma` / `.database` inside tests (they exist once beforeAll has run).
 */
export function useMigratedDatabase(): MigratedDatabase {
  let database: TestDatabase | undefined;
  let prisma: PrismaClient | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient(database.url);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });
  return {
    get database() {
      if (!database) throw new Error('the test database is created in beforeAll');
      return database;
    },
    get prisma() {
      if (!prisma) throw new Error('the test database is created in beforeAll');
      return prisma;
    },
  };
}
