import type { PrismaClient } from '../generated/prisma/client.ts';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** An organisation with a knowledge base and one uploaded document: the parents every chunk needs. */
export async function createKnowledgeBase(prisma: PrismaClient) {
  const organisation = await prisma.organisation.create({ data: { name: 'Acme', slug: unique('acme') } });
  const knowledgeBase = await prisma.knowledgeBase.create({
    data: { organisationId: organisation.id, name: 'Help centre', embeddingModel: 'all-MiniLM-L6-v2', dimension: 384 },
  });
  const document = await prisma.document.create({
    data: {
      knowledgeBaseId: knowledgeBase.id,
      sourceType: 'upload',
      filename: 'faq.md',
      contentSha256: 'a'.repeat(64),
    },
  });
  return { organisation, knowledgeBase, document };
}

/** A 384-dimension unit vector pointing mostly along `axis`, so nearest neighbours are known in advance. */
export function embeddingAlong(axis: number, spread = 0.1): number[] {
  const vector = Array.from({ length: 384 }, (_, i) => (i === axis ? 1 : spread * Math.sin(axis * 31 + i)));
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}
