import type { PrismaClient } from '@botflow/db';

/**
 * Marks the document ready once every chunk has a vector of the knowledge base's current model. Returns false (and
 * changes nothing) when chunks are still unembedded — a re-index began meanwhile — so the caller embeds again.
 */
export async function finishDocument(db: PrismaClient, documentId: string): Promise<boolean> {
  const finished = await db.$executeRaw`
    UPDATE documents d SET status = 'ready', stage = 'finished', progress = 100, error = NULL,
      embedded_count = coalesce(d.chunk_count, 0), embedding_model = kb.embedding_model, updated_at = now()
    FROM knowledge_bases kb
    WHERE d.id = ${documentId} AND kb.id = d.knowledge_base_id AND d.chunk_count IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.document_id = d.id AND c.embedding IS NULL)`;
  return finished === 1;
}

/** The ingestion gave up: the owner sees why, at the stage it stopped. A document being re-indexed stays ready. */
export async function failDocument(db: PrismaClient, documentId: string, reason: string): Promise<void> {
  await db.$executeRaw`
    UPDATE documents SET status = CASE WHEN status = 'ready' THEN status ELSE 'failed'::document_status END,
      error = ${reason.slice(0, 2000)}, updated_at = now()
    WHERE id = ${documentId}`;
}
