import { randomUUID } from 'node:crypto';
import type { PrismaClient, UnansweredKind } from '@botflow/db';
import { questionKey } from './question-key.ts';

export interface UnansweredAsk {
  organisationId: string;
  botId: string;
  knowledgeBaseId: string;
  question: string;
  kind: UnansweredKind;
  /** How close the best passage came (cosine similarity), 0 when nothing was found. */
  similarity: number;
  /** Stable across retries of the asking activity, so one asking counts once. */
  askId: string;
}

/**
 * Counts a question the knowledge base answered badly or not at all, per bot. A question an owner marked resolved is
 * opened again when it is still not answered well: the fix did not work.
 */
export async function recordUnanswered(db: PrismaClient, ask: UnansweredAsk): Promise<void> {
  const key = questionKey(ask.question);
  if (key === '') return;
  const question = ask.question.trim().slice(0, 1000);
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO unanswered_questions
        (id, organisation_id, bot_id, knowledge_base_id, question_key, question, kind, best_similarity)
      VALUES (${randomUUID()}, ${ask.organisationId}, ${ask.botId}, ${ask.knowledgeBaseId}, ${key}, ${question},
        ${ask.kind}::unanswered_kind, ${ask.similarity})
      ON CONFLICT (bot_id, knowledge_base_id, question_key) DO UPDATE SET question = EXCLUDED.question
      RETURNING id, (xmax = 0) AS inserted`;
    if (!row) throw new Error('the unanswered question was not recorded');
    const counted = await tx.$executeRaw`
      INSERT INTO unanswered_question_asks (ask_id, question_id) VALUES (${ask.askId}, ${row.id})
      ON CONFLICT (ask_id) DO NOTHING`;
    if (counted === 0 || row.inserted) return;
    await tx.$executeRaw`
      UPDATE unanswered_questions SET times_asked = times_asked + 1, last_asked_at = now(),
        kind = ${ask.kind}::unanswered_kind, best_similarity = greatest(best_similarity, ${ask.similarity}),
        resolved_at = NULL
      WHERE id = ${row.id}`;
  });
}

/**
 * Forgets the askings older than `retentionDays`. They exist only so that a retried asking counts once, and retries
 * end within the hour; the question keeps its count.
 */
export function forgetOldAsks(db: PrismaClient, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.$executeRaw`DELETE FROM unanswered_question_asks WHERE asked_at < ${cutoff}`;
}
