import type { Document, KnowledgeBase, PrismaClient } from '@botflow/db';
import { HttpError } from '@botflow/service-kit';

export async function findKnowledgeBase(db: PrismaClient, organisationId: string, id: string): Promise<KnowledgeBase> {
  const knowledgeBase = await db.knowledgeBase.findFirst({ where: { id, organisationId } });
  if (!knowledgeBase) throw new HttpError(404, `no knowledge base ${id} in this organisation`);
  return knowledgeBase;
}

export async function findDocument(db: PrismaClient, knowledgeBaseId: string, id: string): Promise<Document> {
  const document = await db.document.findFirst({ where: { id, knowledgeBaseId } });
  if (!document) throw new HttpError(404, `no document ${id} in this knowledge base`);
  return document;
}

type DocumentCounts = Record<'total' | 'ready' | 'processing' | 'failed', number>;

export async function documentCounts(db: PrismaClient, knowledgeBaseIds: string[]) {
  const rows = await db.document.groupBy({
    by: ['knowledgeBaseId', 'status'],
    where: { knowledgeBaseId: { in: knowledgeBaseIds } },
    _count: { _all: true },
  });
  const counts = new Map<string, DocumentCounts>();
  for (const id of knowledgeBaseIds) counts.set(id, { total: 0, ready: 0, processing: 0, failed: 0 });
  for (const row of rows) {
    const entry = counts.get(row.knowledgeBaseId)!;
    entry.total += row._count._all;
    entry[row.status === 'pending' ? 'processing' : row.status] += row._count._all;
  }
  return counts;
}

export function knowledgeBaseView(knowledgeBase: KnowledgeBase, documents: DocumentCounts | undefined) {
  return {
    id: knowledgeBase.id,
    name: knowledgeBase.name,
    embeddingModel: knowledgeBase.embeddingModel,
    dimension: knowledgeBase.dimension,
    answerThreshold: knowledgeBase.answerThreshold,
    confidentThreshold: knowledgeBase.confidentThreshold,
    documents: documents ?? { total: 0, ready: 0, processing: 0, failed: 0 },
    createdAt: knowledgeBase.createdAt,
    updatedAt: knowledgeBase.updatedAt,
  };
}

export function documentView(document: Document) {
  return {
    id: document.id,
    knowledgeBaseId: document.knowledgeBaseId,
    source: document.sourceType,
    title: document.title,
    filename: document.filename,
    url: document.url,
    mimeType: document.mimeType,
    tags: document.tags,
    sizeBytes: document.sizeBytes,
    pageCount: document.pageCount,
    status: document.status,
    stage: document.stage,
    progress: document.progress,
    chunkCount: document.chunkCount,
    embeddedCount: document.embeddedCount,
    embeddingModel: document.embeddingModel,
    /** Answering already, while its vectors are made again with the knowledge base's new model. */
    reindexing: document.status === 'ready' && document.stage !== 'finished',
    error: document.error,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

/** Documents whose ingestion has not finished: queued, running, or ready but re-embedding after a model switch. */
export async function unfinishedDocuments(db: PrismaClient, knowledgeBaseId: string): Promise<string[]> {
  const documents = await db.document.findMany({
    where: {
      knowledgeBaseId,
      OR: [{ status: { in: ['pending', 'processing'] } }, { status: 'ready', stage: { not: 'finished' } }],
    },
    select: { id: true },
  });
  return documents.map((document) => document.id);
}
