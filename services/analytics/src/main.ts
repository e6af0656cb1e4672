import express from 'express';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createPrismaClient } from '@botflow/db';
import {
  closeServer,
  createLogger,
  errorHandler,
  healthRoutes,
  kafkaCheck,
  listen,
  notFound,
  postgresCheck,
  Shutdown,
} from '@botflow/service-kit';
import { loadAnalyticsConfig } from './config.ts';
import { EventConsumer } from './consumer.ts';
import { pruneProcessedEvents } from './aggregate.ts';
import { createBatchHandler } from './handle-batch.ts';
import { analyticsRoutes } from './routes.ts';

const config = loadAnalyticsConfig();
const log = createLogger('analytics', config.LOG_LEVEL);
const shutdown = new Shutdown(log);
shutdown.listen();

const db = createPrismaClient(config.DATABASE_URL);
shutdown.add('database', () => db.$disconnect());
const kafka = new Kafka({ clientId: 'botflow-analytics', brokers: config.KAFKA_BROKERS, logLevel: logLevel.WARN });
const admin = kafka.admin();
await admin.connect();
shutdown.add('kafka admin', () => admin.disconnect());
const deadLetters = kafka.producer({
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});
await deadLetters.connect();
shutdown.add('dead-letter producer', () => deadLetters.disconnect());

const consumer = new EventConsumer(kafka, config.ANALYTICS_CONSUMER_GROUP, log);
shutdown.add('event consumer', () => consumer.stop());
await consumer.start(createBatchHandler(db, deadLetters, log));

const pruning = setInterval(() => {
  pruneProcessedEvents(db, config.ANALYTICS_DEDUPE_RETENTION_DAYS).catch((err: unknown) =>
    log.warn({ err }, 'pruning applied event ids failed; will try again'),
  );
}, 3_600_000);
pruning.unref();
shutdown.add('pruning', async () => clearInterval(pruning));

const app = express();
app.use(
  healthRoutes('analytics', [
    postgresCheck({ query: (sql) => db.$queryRawUnsafe(sql) }),
    kafkaCheck(admin),
    consumer.healthCheck(),
  ]),
);
app.use(analyticsRoutes(db));
app.use(notFound);
app.use(errorHandler(log));
const server = await listen(app, config.ANALYTICS_PORT, config.ANALYTICS_HOST);
shutdown.add('http server', () => closeServer(server));
log.info({ port: config.ANALYTICS_PORT }, 'analytics listening');
