import { proxyLocalActivities } from '@temporalio/workflow';
import type { createSystemActivities } from '@botflow/activities';

const { describeWorker } = proxyLocalActivities<ReturnType<typeof createSystemActivities>>({
  startToCloseTimeout: '5 seconds',
});

export interface WorkerProbeResult {
  worker: string;
  taskQueue: string;
}

/**
 * End-to-end smoke test of the workflow path: a success proves a worker polls the task queue and can run workflow
 * and activity code. Operators: `temporal workflow execute --type workerProbe --task-queue botflow-conversations`.
 */
export async function workerProbe(): Promise<WorkerProbeResult> {
  return describeWorker();
}
