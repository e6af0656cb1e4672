import { ActivityFailure, ApplicationFailure, CancellationScope, proxyActivities } from '@temporalio/workflow';
import type { IngestDocumentInput, IngestDocumentResult } from '@botflow/contracts';
import type { IngestionActivities } from '@botflow/activities';

const steps = proxyActivities<IngestionActivities>({
  startToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    maximumAttempts: 10,
    nonRetryableErrorTypes: ['DocumentGone', 'DocumentRejected', 'BlockedDestination'],
  },
});

// Embedding a large document takes long; a heartbeat per batch (about a second of work) shows it is alive, and 20
// silent seconds (a crashed or stuck worker) hand it to another attempt, which carries on with the chunks still
// unembedded.
const embedding = proxyActivities<IngestionActivities>({
  startToCloseTimeout: '4 hours',
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '2 seconds',
    maximumInterval: '2 minutes',
    maximumAttempts: 20,
    nonRetryableErrorTypes: ['DocumentGone', 'EmbeddingModelMismatch', 'EmbeddingModelUnavailable'],
  },
});

/** A re-index may empty the vectors again while the last batch is stored: embed again, a few times at most. */
const MAX_EMBEDDING_ROUNDS = 5;

/**
 * Ingests one document (workflow id `ingest:<document-id>`): fetch (URLs) → parse and chunk → embed in batches →
 * ready. Progress and stage are written to the document, where the API reads them. A deleted document ends it
 * quietly; anything else that stops it is recorded on the document for its owner.
 */
export async function ingestDocument({ documentId }: IngestDocumentInput): Promise<IngestDocumentResult> {
  try {
    await steps.fetchDocumentSource(documentId);
    await steps.chunkDocumentContent(documentId);
    for (let round = 0; round < MAX_EMBEDDING_ROUNDS; round++) {
      await embedding.embedDocumentChunks(documentId);
      if (await steps.finishDocumentIngestion(documentId)) return 'ready';
    }
    throw ApplicationFailure.nonRetryable('the knowledge base kept changing models; ingest the document again');
  } catch (error) {
    const failure = error instanceof ActivityFailure ? error.cause : error;
    if (failure instanceof ApplicationFailure && failure.type === 'DocumentGone') return 'deleted';
    const reason = failure instanceof Error ? failure.message : String(failure);
    // Recorded even when the workflow itself was cancelled: the document must not stay "processing".
    await CancellationScope.nonCancellable(() => steps.failDocumentIngestion(documentId, reason));
    return 'failed';
  }
}
