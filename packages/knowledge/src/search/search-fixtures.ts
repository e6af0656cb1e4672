import type { PrismaClient } from '@botflow/db';

let counter = 0;

/** The pgvector text form of a vector. */
export const vectorText = (vector: ArrayLike<number>) => `[${Array.from(vector).join(',')}]`;

/** A unit vector pointing mostly along `axis`, so nearest neighbours are known in advance. */
export function embeddingAlong(axis: number, spread = 0.1): Float32Array {
  const vector = Array.from({ length: 384 }, (_, i) => (i === axis ? 1 : spread * Math.sin(axis * 31 + i)));
  const norm = Math.hypot(...vector);
  return Float32Array.from(vector, (value) => value / norm);
}

/** An organisation with one knowledge base. */
export async function createOrganisationWithKnowledgeBase(prisma: PrismaClient, name = 'Acme') {
  const organisation = await prisma.organisation.create({
    data: { name, slug: `${name}-${process.pid}-${++counter}` },
  });
  const knowledgeBase = await prisma.knowledgeBase.create({
    data: { organisationId: organisation.id, name: 'Help centre', embeddingModel: 'all-MiniLM-L6-v2', dimension: 384 },
  });
  return { organisation, knowledgeBase };
}

export interface ChunkSeed {
  content: string;
  /** null: a chunk not embedded (yet), found only by its words. */
  embedding: ArrayLike<number> | null;
  tags?: string[];
}

/** A ready document in the knowledge base holding these chunks, in order. Returns the document and chunk ids. */
export async function addDocument(prisma: PrismaClient, knowledgeBaseId: string, chunks: ChunkSeed[]) {
  const document = await prisma.document.create({
    data: {
      knowledgeBaseId,
      sourceType: 'upload',
      filename: `doc-${++counter}.md`,
      contentSha256: String(counter).padStart(64, '0'),
      status: 'ready',
    },
  });
  await prisma.$executeRaw`
    INSERT INTO chunks (id, document_id, knowledge_base_id, position, content, token_count, metadata, embedding)
    SELECT ${document.id} || '-' || position, ${document.id}, ${knowledgeBaseId}, position - 1, content, 0,
      metadata::jsonb, NULLIF(embedding, '')::vector
    FROM unnest(${chunks.map((c) => c.content)}::text[], ${chunks.map((c) => JSON.stringify({ tags: c.tags ?? [] }))}::text[],
      ${chunks.map((c) => (c.embedding ? vectorText(c.embedding) : ''))}::text[])
      WITH ORDINALITY AS seed(content, metadata, embedding, position)`;
  const rows = await prisma.chunk.findMany({ where: { documentId: document.id }, orderBy: { position: 'asc' } });
  return { documentId: document.id, chunkIds: rows.map((row) => row.id) };
}
