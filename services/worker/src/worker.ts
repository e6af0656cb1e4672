import { fileURLToPath } from 'node:url';
import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import {
  createConversationActivities,
  createEffectActivities,
  createMediaActivities,
  createSystemActivities,
  offlineKnowledgeSource,
  offlineLanguageModel,
  type KnowledgeSource,
  type MediaActivityDeps,
  type OutboundSender,
} from '@botflow/activities';
import type { PrismaClient } from '@botflow/db';
import type { AllowList } from '@botflow/safe-fetch';
import type { Logger } from '@botflow/service-kit';
import type { WorkerConfig } from './config.ts';

export const workflowsPath = new URL('../../../workflows/src/index.ts', import.meta.url).pathname;

/**
 * Evaluated once per workflow thread and shared by every conversation on it, instead of once per new conversation:
 * CEL's registry of built-in functions and libphonenumber's metadata took milliseconds of CPU each time. The SDK
 * freezes a preloaded module's exports and shares its state, so only libraries whose state is at most a cache belong
 * there; the bot engine stays per conversation (it exports global regular expressions, whose `lastIndex` changes).
 */
const preloadModules = [fileURLToPath(new URL('./workflow-preload.ts', import.meta.url))];
export const workflowBundleOptions = { workflowsPath, preloadModules };

export interface WorkerDeps {
  db: PrismaClient;
  sender: OutboundSender;
  log: Logger;
  webhookSecrets?: Record<string, string>;
  /** Downloading customers' media; without it the activity is not registered (tests of other paths). */
  media?: Omit<MediaActivityDeps, 'db' | 'log'>;
  /** Answers from the owners' documents; the offline stand-in (never grounded) when not given. */
  knowledge?: KnowledgeSource;
  /** The workflow code bundled once and shared with the ingestion worker; bundled here when not given. */
  workflowBundle?: WorkflowBundle;
}

export function createActivities(identity: string, deps: WorkerDeps, allowHosts: AllowList) {
  return {
    ...createSystemActivities({ workerIdentity: identity }),
    ...createConversationActivities(deps),
    // The offline language model until the LLM providers are configured (a later issue).
    ...createEffectActivities({
      languageModel: offlineLanguageModel,
      knowledge: deps.knowledge ?? offlineKnowledgeSource,
      webhookSecrets: (name) => deps.webhookSecrets?.[name],
      allowHosts,
    }),
    ...(deps.media ? createMediaActivities({ ...deps.media, db: deps.db, log: deps.log }) : {}),
  };
}

/** Builds the worker that serves every BotFlow workflow and activity on the configured task queue. */
export async function createWorker(
  config: Pick<
    WorkerConfig,
    'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'WORKER_MAX_CACHED_WORKFLOWS' | 'SAFE_FETCH_ALLOW'
  >,
  connection: NativeConnection,
  deps: WorkerDeps,
): Promise<Worker> {
  const identity = `botflow-worker@${process.pid}`;
  return Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    identity,
    ...(deps.workflowBundle
      ? { workflowBundle: deps.workflowBundle }
      : { workflowsPath, bundlerOptions: { preloadModules } }),
    activities: createActivities(identity, deps, config.SAFE_FETCH_ALLOW),
    ...(config.WORKER_MAX_CACHED_WORKFLOWS === undefined
      ? {}
      : { maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS }),
  });
}
