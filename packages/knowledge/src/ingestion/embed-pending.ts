import type { PrismaClient } from '@botflow/db';
import type { Embedder } from '@botflow/embeddings';
import { DocumentGone, EmbeddingModelMismatch } from './errors.ts';
import { embeddingProgress } from './progress.ts';

export interface EmbedPendingOptions {
  /** The model the knowledge base uses: chunks are embedded with it, and only while it still uses it. */
  embedderFor: (model: string) => Promise<Embedder>;
  batchSize?: number;
  /** Called after each stored batch (an activity heartbeats here). */
  onBatch?: (progress: { embedded: number; total: number }) => void;
  /** Stops before the next batch (an activity attempt that timed out or was cancelled). */
  signal?: AbortSignal;
}

export interface EmbedPendingResult {
  embedded: number;
  total: number;
}

interface Pending {
  id: string;
  content: string;
}

/**
 * Embeds the document's chunks that have no vector yet, a batch at a time, in position order. Resumable by
 * construction: after a crash the next call continues with what is still unembedded, and nothing is stored twice.
 * A vector is only written while the knowledge base still uses the model that made it, so a model change during
 * ingestion (re-indexing) never leaves vectors of the old model behind.
 */
export async function embedPending(
  db: PrismaClient,
  documentId: string,
  options: EmbedPendingOptions,
): Promise<EmbedPendingResult> {
  const batchSize = options.batchSize ?? 32;
  for (;;) {
    const document = await db.document.findUnique({
      where: { id: documentId },
      select: { chunkCount: true, knowledgeBase: { select: { embeddingModel: true, dimension: true } } },
    });
    if (!document) throw new DocumentGone(documentId);
    const total = document.chunkCount ?? 0;
    const { embeddingModel: model, dimension } = document.knowledgeBase;
    const pending = await db.$queryRaw<Pending[]>`
      SELECT id, content FROM chunks WHERE document_id = ${documentId} AND embedding IS NULL
      ORDER BY position LIMIT ${batchSize}`;
    if (pending.length === 0) return { embedded: await countEmbedded(db, documentId), total };

    const embedder = await options.embedderFor(model);
    if (embedder.dimensions !== dimension) {
      throw new EmbeddingModelMismatch(
        `model ${model} makes ${embedder.dimensions}-long vectors; the knowledge base expects ${dimension}`,
      );
    }
    options.signal?.throwIfAborted();
    const vectors = await embedder.embed(pending.map((chunk) => chunk.content));
    await db.$transaction(async (tx) => {
      // FOR SHARE waits for a model switch in progress and reads what it committed; while it is held, a switch waits
      // for this transaction and then empties these vectors too.
      const [current] = await tx.$queryRaw<{ embedding_model: string }[]>`
        SELECT kb.embedding_model FROM knowledge_bases kb JOIN documents d ON d.knowledge_base_id = kb.id
        WHERE d.id = ${documentId} FOR SHARE OF kb`;
      if (current?.embedding_model !== model) return;
      await tx.$executeRaw`
        UPDATE chunks c SET embedding = seed.embedding::vector
        FROM unnest(${pending.map((chunk) => chunk.id)}::text[], ${vectors.map(vectorText)}::text[])
          AS seed(id, embedding)
        WHERE c.id = seed.id AND c.embedding IS NULL`;
    });
    const embedded = await countEmbedded(db, documentId);
    await db.document.updateMany({
      where: { id: documentId },
      data: { embeddedCount: embedded, progress: embeddingProgress(embedded, total) },
    });
    options.onBatch?.({ embedded, total });
  }
}

async function countEmbedded(db: PrismaClient, documentId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ embedded: number }[]>`
    SELECT count(*)::int AS embedded FROM chunks WHERE document_id = ${documentId} AND embedding IS NOT NULL`;
  return row?.embedded ?? 0;
}

const vectorText = (vector: Float32Array) => `[${Array.from(vector).join(',')}]`;
