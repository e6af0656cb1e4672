import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';

/**
 * Ends every workflow still running on a test's own task queue (one server-side batch job), so test and benchmark
 * runs do not leave conversations waiting on the shared dev server with no worker to serve them.
 */
export async function terminateTaskQueue(client: Client, taskQueue: string): Promise<void> {
  await client.workflowService
    .startBatchOperation({
      namespace: client.options.namespace,
      jobId: randomUUID(),
      reason: `test run on ${taskQueue} finished`,
      visibilityQuery: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
      terminationOperation: { identity: 'botflow-tests' },
    })
    .catch(() => {
      // Best effort: a server without batch support keeps the workflows, which only cost disk.
    });
}
