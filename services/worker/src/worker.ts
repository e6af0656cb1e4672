import { type NativeConnection, Worker } from '@temporalio/worker';
import {
  createConversationActivities,
  createEffectActivities,
  createMediaActivities,
  createSystemActivities,
  offlineKnowledgeSource,
  offlineLanguageModel,
  type MediaActivityDeps,
  type OutboundSender,
} from '@botflow/activities';
import type { PrismaClient } from '@botflow/db';
import type { Logger } from '@botflow/service-kit';
import type { WorkerConfig } from './config.ts';

export const workflowsPath = new URL('../../../workflows/src/index.ts', import.meta.url).pathname;

export interface WorkerDeps {
  db: PrismaClient;
  sender: OutboundSender;
  log: Logger;
  webhookSecrets?: Record<string, string>;
  /** Downloading customers' media; without it the activity is not registered (tests of other paths). */
  media?: Omit<MediaActivityDeps, 'db' | 'log'>;
}

export function createActivities(identity: string, deps: WorkerDeps) {
  return {
    ...createSystemActivities({ workerIdentity: identity }),
    ...createConversationActivities(deps),
    // The offline providers until the LLM and knowledge-base providers are configured (later issues).
    ...createEffectActivities({
      languageModel: offlineLanguageModel,
      knowledge: offlineKnowledgeSource,
      webhookSecrets: (name) => deps.webhookSecrets?.[name],
    }),
    ...(deps.media ? createMediaActivities({ ...deps.media, db: deps.db, log: deps.log }) : {}),
  };
}

/** Builds the worker that serves every BotFlow workflow and activity on the configured task queue. */
export async function createWorker(
  config: Pick<WorkerConfig, 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'WORKER_MAX_CACHED_WORKFLOWS'>,
  connection: NativeConnection,
  deps: WorkerDeps,
): Promise<Worker> {
  const identity = `botflow-worker@${process.pid}`;
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    identity,
    workflowsPath,
    activities: createActivities(identity, deps),
    ...(config.WORKER_MAX_CACHED_WORKFLOWS === undefined
      ? {}
      : { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS }),
  });
}
