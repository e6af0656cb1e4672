import type { PrismaClient } from '@botflow/db';
import type { EmbeddingModels } from '@botflow/embeddings';
import { searchKnowledge, type KnowledgeHit, type SearchKnowledgeInput } from './search-knowledge.ts';

export interface RetrieveInput extends Pick<SearchKnowledgeInput, 'documentIds' | 'tags' | 'topK' | 'minScore'> {
  organisationId: string;
  knowledgeBaseId: string;
  query: string;
}

export interface RetrievedPassage extends KnowledgeHit {
  documentTitle: string;
}

export interface Retrieval {
  knowledgeBase: { id: string; embeddingModel: string; answerThreshold: number; confidentThreshold: number };
  passages: RetrievedPassage[];
}

/**
 * Searches one knowledge base of the organisation with the question embedded by the knowledge base's own model.
 * Null when the organisation has no such knowledge base (another organisation's id included).
 */
export async function retrieve(
  db: PrismaClient,
  models: EmbeddingModels,
  input: RetrieveInput,
): Promise<Retrieval | null> {
  const knowledgeBase = await db.knowledgeBase.findFirst({
    where: { id: input.knowledgeBaseId, organisationId: input.organisationId },
    select: { id: true, embeddingModel: true, answerThreshold: true, confidentThreshold: true },
  });
  if (!knowledgeBase) return null;
  const embedder = await models.embedder(knowledgeBase.embeddingModel);
  const [queryEmbedding] = await embedder.embed([input.query]);
  const hits = await searchKnowledge(db, {
    organisationId: input.organisationId,
    knowledgeBaseIds: [knowledgeBase.id],
    query: input.query,
    queryEmbedding: queryEmbedding!,
    ...(input.documentIds ? { documentIds: input.documentIds } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.topK ? { topK: input.topK } : {}),
    ...(input.minScore === undefined ? {} : { minScore: input.minScore }),
  });
  const documents = await db.document.findMany({
    where: { id: { in: [...new Set(hits.map((hit) => hit.documentId))] } },
    select: { id: true, title: true, filename: true, url: true },
  });
  const titles = new Map(documents.map((d) => [d.id, d.title || d.filename || d.url || 'Untitled document']));
  return {
    knowledgeBase,
    passages: hits.map((hit) => ({
      ...hit,
      documentTitle: titles.get(hit.documentId) ?? 'Untitled document',
    })),
  };
}
