import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from './generated/prisma/client.ts';

export interface CreatePrismaClientOptions {
  /** node-postgres pool settings other than the connection string: size, timeouts, TLS. */
  pool?: Omit<pg.PoolConfig, 'connectionString'>;
  /** Errors of idle pooled connections (e.g. the server restarted); they are not tied to any query. */
  onPoolError?: (error: Error) => void;
}

/** A PrismaClient over a node-postgres pool. `await client.$disconnect()` at shutdown closes the pool. */
export function createPrismaClient(connectionString: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg(
    { ...options.pool, connectionString },
    options.onPoolError ? { onPoolError: options.onPoolError } : undefined,
  );
  return new PrismaClient({ adapter });
}
