import type { Client } from '@temporalio/client';
import type { HealthCheck } from '@botflow/service-kit';

/**
 * A worker polls the conversation task queue. Asking Temporal for the queue's pollers is cheap and adds nothing to
 * any history, unlike running a probe workflow on every health request.
 */
export function workerCheck(temporal: Client, taskQueue: string): HealthCheck {
  return {
    name: 'worker',
    check: async () => {
      const { pollers } = await temporal.workflowService.describeTaskQueue({
        namespace: temporal.options.namespace,
        taskQueue: { name: taskQueue },
        taskQueueType: 1, // workflow task queue
      });
      const recent = (pollers ?? []).filter((p) => secondsSince(p.lastAccessTime) < 70);
      if (recent.length === 0) throw new Error(`no worker is polling task queue ${taskQueue}`);
    },
  };
}

function secondsSince(ts: { seconds?: { toNumber(): number } | number | null } | null | undefined): number {
  const s = ts?.seconds;
  if (s === undefined || s === null) return Infinity;
  const seconds = typeof s === 'number' ? s : s.toNumber();
  return Date.now() / 1000 - seconds;
}
