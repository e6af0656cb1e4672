import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { createIngestionActivities, type IngestionActivityDeps } from '@botflow/activities';

/**
 * The worker of the ingestion task queue. Embedding takes the CPU for seconds at a time, so few documents are
 * embedded at once and conversations (on their own queue) keep their share.
 */
export async function createIngestionWorker(
  config: { TEMPORAL_NAMESPACE: string; INGESTION_TASK_QUEUE: string; INGESTION_CONCURRENCY: number },
  connection: NativeConnection,
  workflowBundle: WorkflowBundle,
  deps: IngestionActivityDeps,
): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.INGESTION_TASK_QUEUE,
    identity: `botflow-ingestion@${process.pid}`,
    workflowBundle,
    activities: createIngestionActivities(deps),
    maxConcurrentActivityTaskExecutions: config.INGESTION_CONCURRENCY,
  });
}
