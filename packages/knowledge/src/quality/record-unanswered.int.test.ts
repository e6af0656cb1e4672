import { useMigratedDatabase } from '@botflow/db/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisationWithKnowledgeBase } from '../search/search-fixtures.ts';
import { forgetOldAsks, recordUnanswered, type UnansweredAsk } from './record-unanswered.ts';

const database = useMigratedDatabase();
let base: Omit<UnansweredAsk, 'askId' | 'question'>;

beforeAll(async () => {
  const { prisma } = database;
  const { organisation, knowledgeBase } = await createOrganisationWithKnowledgeBase(prisma, 'asks');
  const bot = await prisma.bot.create({ data: { organisationId: organisation.id, name: 'Asks' } });
  base = {
    organisationId: organisation.id,
    botId: bot.id,
    knowledgeBaseId: knowledgeBase.id,
    kind: 'unanswered',
    similarity: 0.1,
  };
});

const timesAsked = async (question: string) =>
  (await database.prisma.unansweredQuestion.findFirstOrThrow({ where: { botId: base.botId, question } })).timesAsked;

describe('unanswered questions', () => {
  it('counts each asking once, also when the asking activity is retried', async () => {
    const question = 'Can I bring my parrot?';
    await recordUnanswered(database.prisma, { ...base, question, askId: 'parrot-1' });
    await recordUnanswered(database.prisma, { ...base, question, askId: 'parrot-1' });
    await recordUnanswered(database.prisma, { ...base, question, askId: 'parrot-2' });
    expect(await timesAsked(question)).toBe(2);
  });

  it('forgets askings past the retention, and keeps the counts and the recent askings', async () => {
    const question = 'Is there a sauna?';
    await recordUnanswered(database.prisma, { ...base, question, askId: 'sauna-old' });
    await recordUnanswered(database.prisma, { ...base, question, askId: 'sauna-new' });
    await database.prisma.unansweredQuestionAsk.update({
      where: { askId: 'sauna-old' },
      data: { askedAt: new Date(Date.now() - 8 * 86_400_000) },
    });

    expect(await forgetOldAsks(database.prisma, 7)).toBe(1);
    const left = await database.prisma.unansweredQuestionAsk.findMany({ where: { askId: { startsWith: 'sauna' } } });
    expect(left.map((a) => a.askId)).toEqual(['sauna-new']);
    expect(await timesAsked(question)).toBe(2);

    // A retry of a recent asking still counts once.
    await recordUnanswered(database.prisma, { ...base, question, askId: 'sauna-new' });
    expect(await timesAsked(question)).toBe(2);
  });
});
