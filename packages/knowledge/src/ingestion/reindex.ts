import type { PrismaClient } from '@botflow/db';
import { PARSED_PERCENT } from './progress.ts';

/**
 * Switches a knowledge base to another embedding model: its vectors are dropped in the same transaction, so no
 * search ever compares a question with vectors of another model, and its chunked documents go back to embedding.
 * Ready ones stay ready, but a chunk answers again only once its new vector is in (found by words alone, it never
 * passes the answer threshold). Returns the documents to ingest again.
 */
export async function beginReindex(
  db: PrismaClient,
  knowledgeBaseId: string,
  model: { name: string; dimensions: number },
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    await tx.knowledgeBase.update({
      where: { id: knowledgeBaseId },
      data: { embeddingModel: model.name, dimension: model.dimensions },
    });
    await tx.$executeRaw`UPDATE chunks SET embedding = NULL WHERE knowledge_base_id = ${knowledgeBaseId}`;
    await tx.$executeRaw`
      UPDATE documents SET stage = 'embedding', embedded_count = 0, progress = ${PARSED_PERCENT}, updated_at = now()
      WHERE knowledge_base_id = ${knowledgeBaseId} AND chunk_count IS NOT NULL`;
    const documents = await tx.document.findMany({
      where: { knowledgeBaseId, status: { not: 'failed' } },
      select: { id: true },
    });
    return documents.map((document) => document.id);
  });
}
