import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { PrismaClient } from '@botflow/db';
import { EmbeddingModelUnavailable, type EmbeddingModels } from '@botflow/embeddings';
import { DocumentRejected } from '@botflow/knowledge/ingest';
import {
  chunkAndStore,
  DocumentGone,
  EmbeddingModelMismatch,
  embedPending,
  failDocument,
  finishDocument,
} from '@botflow/knowledge/ingestion';
import type { AllowList } from '@botflow/safe-fetch';
import type { Logger } from 'pino';
import { fetchDocumentSource } from './fetch-source.ts';

export interface IngestionActivityDeps {
  db: PrismaClient;
  models: EmbeddingModels;
  log: Logger;
  /** Largest upload or fetched file, in bytes. */
  maxDocumentBytes: number;
  fetchAllowHosts: AllowList;
  embedBatchSize?: number;
}

/**
 * The ingestion workflow's steps. Each is idempotent, so Temporal's retries and a worker crash at any point end with
 * the same chunks, stored once. Errors retrying cannot fix are non-retryable failures typed for the workflow.
 */
export function createIngestionActivities(deps: IngestionActivityDeps) {
  const { db } = deps;
  return {
    async fetchDocumentSource(documentId: string): Promise<void> {
      await typed(() =>
        fetchDocumentSource({ db, allowHosts: deps.fetchAllowHosts, maxBytes: deps.maxDocumentBytes }, documentId),
      );
    },

    async chunkDocumentContent(documentId: string): Promise<number> {
      const result = await typed(() => chunkAndStore(db, documentId, { maxBytes: deps.maxDocumentBytes }));
      return result.chunkCount;
    },

    /**
     * Long-running: heartbeats every few seconds (loading a model or a slow embeddings server takes a while before
     * the first batch) and stops between batches once this attempt is cancelled or timed out; a retry after a crash
     * carries on with what is left.
     */
    async embedDocumentChunks(documentId: string): Promise<number> {
      const context = Context.current();
      let progress: unknown;
      const beat = setInterval(() => context.heartbeat(progress), HEARTBEAT_EVERY_MS);
      try {
        const result = await typed(() =>
          embedPending(db, documentId, {
            embedderFor: (model) => deps.models.embedder(model),
            ...(deps.embedBatchSize ? { batchSize: deps.embedBatchSize } : {}),
            onBatch: (done) => {
              progress = done;
              context.heartbeat(done);
            },
            signal: context.cancellationSignal,
          }),
        );
        return result.embedded;
      } finally {
        clearInterval(beat);
      }
    },

    async finishDocumentIngestion(documentId: string): Promise<boolean> {
      return finishDocument(db, documentId);
    },

    async failDocumentIngestion(documentId: string, reason: string): Promise<void> {
      deps.log.warn({ documentId, reason }, 'document ingestion failed');
      await failDocument(db, documentId, reason);
    },
  };
}

export type IngestionActivities = ReturnType<typeof createIngestionActivities>;

/** Well inside the workflow's 20 s heartbeat timeout. */
const HEARTBEAT_EVERY_MS = 5000;

async function typed<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DocumentGone) throw ApplicationFailure.nonRetryable(error.message, 'DocumentGone');
    if (error instanceof DocumentRejected) throw ApplicationFailure.nonRetryable(error.message, 'DocumentRejected');
    if (error instanceof EmbeddingModelMismatch || error instanceof EmbeddingModelUnavailable) {
      throw ApplicationFailure.nonRetryable(error.message, error.name);
    }
    throw error;
  }
}
