import { Client, Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { createPrismaClient } from '@botflow/db';
import {
  kafkaCheck,
  postgresCheck,
  redisCheck,
  temporalCheck,
  type HealthCheck,
  type Logger,
  type Shutdown,
} from '@botflow/service-kit';
import type { ApiConfig } from './config.ts';
import { workerCheck } from './worker-check.ts';

/** Connects to the four servers; registers each for shutdown; returns them with their health checks. */
export async function connectDependencies(config: ApiConfig, shutdown: Shutdown, log: Logger) {
  const db = createPrismaClient(config.DATABASE_URL);
  shutdown.add('database', () => db.$disconnect());

  const redis = new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
  // Redis only speeds things up here (dedupe fast path): while it is away, log and carry on; /health reports it.
  let redisDown = false;
  redis.on('error', (err: Error) => {
    if (!redisDown) log.warn({ err: err.message }, 'redis unavailable');
    redisDown = true;
  });
  redis.on('ready', () => {
    redisDown = false;
  });
  shutdown.add('redis', () => redis.quit());

  const kafka = new Kafka({ clientId: 'botflow-api', brokers: config.KAFKA_BROKERS, logLevel: logLevel.WARN });
  const kafkaAdmin = kafka.admin();
  await kafkaAdmin.connect();
  shutdown.add('kafka admin', () => kafkaAdmin.disconnect());

  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  shutdown.add('temporal', () => connection.close());
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

  const healthChecks: HealthCheck[] = [
    postgresCheck({ query: (sql) => db.$queryRawUnsafe(sql) }),
    redisCheck(redis),
    kafkaCheck(kafkaAdmin),
    temporalCheck(connection, config.TEMPORAL_NAMESPACE),
    workerCheck(temporal, config.TEMPORAL_TASK_QUEUE),
  ];
  return { db, redis, kafka, temporal, healthChecks };
}

export type ApiDependencies = Awaited<ReturnType<typeof connectDependencies>>;
