import { NativeConnection, Worker } from '@temporalio/worker';
import { createSystemActivities } from '@botflow/activities';
import type { WorkerConfig } from './config.ts';

export const workflowsPath = new URL('../../../workflows/src/index.ts', import.meta.url).pathname;

export function createActivities(identity: string) {
  return { ...createSystemActivities({ workerIdentity: identity }) };
}

/** Builds the worker that serves every BotFlow workflow and activity on the configured task queue. */
export async function createWorker(config: WorkerConfig, connection: NativeConnection): Promise<Worker> {
  const identity = `botflow-worker@${process.pid}`;
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    identity,
    workflowsPath,
    activities: createActivities(identity),
  });
}
