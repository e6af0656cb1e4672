import { z } from 'zod';
import { TASK_QUEUES } from '@botflow/contracts';
import { envPort, loadConfig, logLevel, serverUrls } from '@botflow/service-kit';

const schema = z.object({
  WORKER_HEALTH_PORT: envPort.default(3001),
  LOG_LEVEL: logLevel,
  TEMPORAL_ADDRESS: serverUrls.TEMPORAL_ADDRESS,
  TEMPORAL_NAMESPACE: serverUrls.TEMPORAL_NAMESPACE,
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(TASK_QUEUES.conversations),
});

export type WorkerConfig = z.infer<typeof schema>;
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => loadConfig(schema, env);
