import { z } from 'zod';
import { envPort, loadConfig, logLevel, serverUrls } from '@botflow/service-kit';

const schema = z.object({
  ANALYTICS_PORT: envPort.default(3002),
  ANALYTICS_HOST: z.string().default('127.0.0.1'),
  ANALYTICS_CONSUMER_GROUP: z.string().min(1).default('botflow-analytics'),
  LOG_LEVEL: logLevel,
  /** Applied event ids are remembered this long; keep it above the event topic's retention. */
  ANALYTICS_DEDUPE_RETENTION_DAYS: z.coerce.number().positive().default(8),
  DATABASE_URL: serverUrls.DATABASE_URL,
  KAFKA_BROKERS: serverUrls.KAFKA_BROKERS,
});

export type AnalyticsConfig = z.infer<typeof schema>;
export const loadAnalyticsConfig = (env: NodeJS.ProcessEnv = process.env): AnalyticsConfig => loadConfig(schema, env);
