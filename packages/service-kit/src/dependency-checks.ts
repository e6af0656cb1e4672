import type { HealthCheck } from './health.ts';

// Structural types keep this package free of the clients themselves: each service passes the ones it has.

export const postgresCheck = (pool: { query: (sql: string) => Promise<unknown> }): HealthCheck => ({
  name: 'postgres',
  check: () => pool.query('select 1'),
});

export const redisCheck = (redis: { ping: () => Promise<string> }): HealthCheck => ({
  name: 'redis',
  check: async () => {
    const reply = await redis.ping();
    if (reply !== 'PONG') throw new Error(`unexpected PING reply: ${reply}`);
  },
});

export const kafkaCheck = (admin: { describeCluster: () => Promise<{ brokers: unknown[] }> }): HealthCheck => ({
  name: 'kafka',
  check: async () => {
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('no Kafka broker is available');
  },
});

export const temporalCheck = (
  connection: { workflowService: { describeNamespace: (req: { namespace: string }) => Promise<unknown> } },
  namespace: string,
): HealthCheck => ({
  name: 'temporal',
  check: () => connection.workflowService.describeNamespace({ namespace }),
});
