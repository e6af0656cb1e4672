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
 * End-to-end liveness of the workflow path: the API's deep health check starts this on the conversation task
 * queue, so a success proves a worker is polling and can run workflow and activity code.
 */
export async function workerProbe(): Promise<WorkerProbeResult> {
  return describeWorker();
}
