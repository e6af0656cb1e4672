import { activityInfo } from '@temporalio/activity';

export interface SystemActivityDeps {
  workerIdentity: string;
}

export function createSystemActivities({ workerIdentity }: SystemActivityDeps) {
  return {
    async describeWorker(): Promise<{ worker: string; taskQueue: string }> {
      return { worker: workerIdentity, taskQueue: activityInfo().taskQueue };
    },
  };
}
