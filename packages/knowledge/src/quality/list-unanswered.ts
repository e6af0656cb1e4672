import type { PrismaClient, UnansweredKind } from '@botflow/db';

export interface UnansweredFilter {
  organisationId: string;
  botId: string;
  kind?: UnansweredKind;
  includeResolved?: boolean;
  limit?: number;
}

/** A bot's unanswered and low-confidence questions, the most asked first. */
export function listUnanswered(db: PrismaClient, filter: UnansweredFilter) {
  return db.unansweredQuestion.findMany({
    where: {
      organisationId: filter.organisationId,
      botId: filter.botId,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.includeResolved ? {} : { resolvedAt: null }),
    },
    orderBy: [{ timesAsked: 'desc' }, { lastAskedAt: 'desc' }],
    take: filter.limit ?? 100,
    select: {
      id: true,
      question: true,
      kind: true,
      timesAsked: true,
      bestSimilarity: true,
      knowledgeBaseId: true,
      firstAskedAt: true,
      lastAskedAt: true,
      resolvedAt: true,
      answerDocumentId: true,
    },
  });
}

/** The owner answered: the question (and any other with the same key for this knowledge base) is resolved. */
export async function resolveUnanswered(
  db: PrismaClient,
  scope: { organisationId: string; knowledgeBaseId: string; questionKey: string },
  answerDocumentId: string,
): Promise<number> {
  const resolved = await db.unansweredQuestion.updateMany({
    where: { ...scope, resolvedAt: null },
    data: { resolvedAt: new Date(), answerDocumentId },
  });
  return resolved.count;
}
