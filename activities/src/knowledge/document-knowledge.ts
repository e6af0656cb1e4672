import type { PrismaClient } from '@botflow/db';
import type { EmbeddingModels } from '@botflow/embeddings';
import { composeAnswer, type AnswerModel } from '@botflow/knowledge/answer';
import { recordUnanswered } from '@botflow/knowledge/quality';
import { retrieve } from '@botflow/knowledge/search';
import type { Logger } from 'pino';
import type { AskedIn, KnowledgeAnswer, KnowledgeSource } from '../effects/ai/language-model.ts';
import { conversationScope } from './conversation-scope.ts';

export interface DocumentKnowledgeDeps {
  db: PrismaClient;
  models: EmbeddingModels;
  /** Composes answers from the passages; null: the best passage is quoted instead. */
  languageModel: AnswerModel | null;
  log: Logger;
  /** Passages handed to the composer. */
  topK?: number;
}

const NOT_ANSWERED: KnowledgeAnswer = { answer: '', sources: [], grounded: false };

/**
 * Answers from the bot owner's documents: only within the organisation whose number the customer wrote to, cited,
 * and only when a passage is close enough to the question. Questions answered badly or not at all are recorded for
 * the owner, once per asking however often the activity is retried.
 */
export function createDocumentKnowledge(deps: DocumentKnowledgeDeps): KnowledgeSource {
  return {
    async answer({ knowledgeBaseId, question, askedIn }) {
      const scope = askedIn ? await conversationScope(deps.db, askedIn.workflowId) : null;
      if (!scope) {
        deps.log.warn({ knowledgeBaseId, askedIn }, 'knowledge answer outside a known conversation: not answered');
        return NOT_ANSWERED;
      }
      const retrieval = await retrieve(deps.db, deps.models, {
        organisationId: scope.organisationId,
        knowledgeBaseId,
        query: question,
        topK: deps.topK ?? 4,
      });
      if (!retrieval) {
        deps.log.warn({ knowledgeBaseId, organisationId: scope.organisationId }, 'knowledge base not found');
        return NOT_ANSWERED;
      }
      const { knowledgeBase, passages } = retrieval;
      const composed = await composeAnswer({
        question,
        passages,
        minSimilarity: knowledgeBase.answerThreshold,
        model: deps.languageModel,
      });
      if (composed.modelError) deps.log.warn({ err: composed.modelError }, 'language model failed: answer quoted');

      const weak = composed.grounded && composed.bestSimilarity < knowledgeBase.confidentThreshold;
      // While a model switch re-embeds the knowledge base, its chunks answer only as their new vectors arrive: a miss
      // then says nothing about the documents, so it is not put on the owner's list.
      const missed = !composed.grounded || weak;
      if (scope.botId && askedIn && missed && !(await reindexingIn(deps.db, knowledgeBaseId))) {
        await recordUnanswered(deps.db, {
          organisationId: scope.organisationId,
          botId: scope.botId,
          knowledgeBaseId,
          question,
          kind: composed.grounded ? 'low_confidence' : 'unanswered',
          similarity: composed.bestSimilarity,
          askId: askId(askedIn),
        });
      }
      return {
        answer: composed.answer,
        sources: [...new Set(composed.citations.map((citation) => citation.documentTitle))],
        grounded: composed.grounded,
      };
    },
  };
}

async function reindexingIn(db: PrismaClient, knowledgeBaseId: string): Promise<boolean> {
  const document = await db.document.findFirst({
    where: { knowledgeBaseId, status: 'ready', stage: { not: 'finished' } },
    select: { id: true },
  });
  return document !== null;
}

const askId = ({ workflowId, runId, activityId }: AskedIn) => `${workflowId}/${runId}/${activityId}`;
