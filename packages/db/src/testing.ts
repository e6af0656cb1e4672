import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from './migrate.ts';

export const DEFAULT_DATABASE_URL = 'postgresql://botflow:botflow@127.0.0.1:5433/botflow';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any connection still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Any database on the server to create the test database from; default DATABASE_URL, then the local stack's. */
  serverUrl?: string;
  /** Apply the migrations (default true); false leaves the database empty. */
  migrate?: boolean;
  migrationsDir?: string;
}

/** Creates a throwaway database `botflow_test_<random>` on the server and migrates it. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const name = `botflow_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);

  let dropped = false;
  const database: TestDatabase = {
    name,
    url: withDatabaseName(serverUrl, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };

  if (options.migrate !== false) {
    try {
      await migrate({
        connectionString: database.url,
        ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
      });
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
