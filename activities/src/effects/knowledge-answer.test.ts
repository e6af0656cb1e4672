import { describe, expect, it } from 'vitest';
import { offlineKnowledgeSource } from './ai/offline.ts';
import { scriptedKnowledge } from './ai/scripted.ts';
import { createKnowledgeAnswer } from './knowledge-answer.ts';

const input = { knowledgeBaseId: 'kb_1', question: 'Open on Sunday?' };

describe('knowledgeAnswer', () => {
  it('passes the offline answer on, not grounded', async () => {
    expect(await createKnowledgeAnswer(offlineKnowledgeSource)(input)).toEqual({
      answer: "[offline] I don't have a knowledge base connected yet.",
      sources: [],
      grounded: false,
    });
  });

  it('does not call an empty answer grounded', async () => {
    const empty = createKnowledgeAnswer(scriptedKnowledge({ answer: ' ', sources: ['a.pdf'], grounded: true }));
    expect(await empty(input)).toEqual({ answer: '', sources: ['a.pdf'], grounded: false });
  });

  it('refuses input without a question, for good', async () => {
    await expect(createKnowledgeAnswer(offlineKnowledgeSource)({ knowledgeBaseId: 'kb' })).rejects.toMatchObject({
      nonRetryable: true,
    });
  });
});
