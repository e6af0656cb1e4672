import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { knowledgeAnswer } from './index.ts';

const FALLBACK = 'Sorry, I don’t know the answer to that. Someone from our team can help you.';

function conversation(options: Record<string, unknown>) {
  const definition = definitionOf(
    {
      kb: {
        type: 'knowledge_answer',
        options: knowledgeAnswer.options.parse({ knowledgeBaseId: 'kb_1', ...options }),
        next: { answered: 'yes', unknown: 'no', error: 'oops' },
      },
      yes: saying('answered'),
      no: saying('unknown'),
      oops: saying('failed'),
    },
    'kb',
  );
  return new TestConversation(definition);
}

describe('knowledge_answer', () => {
  it('fills in defaults and needs a knowledge base', () => {
    expect(knowledgeAnswer.options.parse({ knowledgeBaseId: 'kb_1' })).toMatchObject({
      questionFrom: 'last_message',
      fallbackText: FALLBACK,
    });
    expect(knowledgeAnswer.options.safeParse({ knowledgeBaseId: '' }).error?.issues[0]?.message).toBe(
      'choose a knowledge base',
    );
  });

  it('asks the knowledge base the last message', () => {
    const result = conversation({}).say('  Do you do nails?  ');
    expect(result.effect).toMatchObject({
      type: 'knowledge_answer',
      input: { knowledgeBaseId: 'kb_1', question: 'Do you do nails?' },
    });
  });

  it('says a grounded answer and leaves through answered', () => {
    const c = conversation({ variable: 'answer' });
    c.say('Do you do nails?');
    const value = { answer: 'Yes, from R150.', sources: ['prices.pdf'], grounded: true };
    expect(said(c.complete({ ok: true, value }))).toEqual(['Yes, from R150.', 'answered']);
    expect(c.state.vars['answer']).toBe('Yes, from R150.');
  });

  it('says the fallback when the answer is not grounded', () => {
    const c = conversation({ variable: 'answer' });
    c.say('Do you do nails?');
    const value = { answer: 'I think so', sources: [], grounded: false };
    expect(said(c.complete({ ok: true, value }))).toEqual([FALLBACK, 'unknown']);
    expect(c.state.vars['answer']).toBe('');
  });

  it('does not ask when there is no question, and can stay silent', () => {
    const c = conversation({ fallbackText: '' });
    const result = c.say('');
    expect(result.effect).toBeNull();
    expect(said(result)).toEqual(['unknown']);
  });

  it('leaves through error when the knowledge base fails', () => {
    const c = conversation({});
    c.say('Do you do nails?');
    expect(said(c.complete({ ok: false, error: 'timeout' }))).toEqual(['failed']);
  });

  it('checks where the question comes from and where the answer goes', () => {
    const variables: VariableDecl[] = [{ name: 'question', scope: 'conversation', type: 'string' }];
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const check = (o: Record<string, unknown>) =>
      knowledgeAnswer.check?.(knowledgeAnswer.options.parse({ knowledgeBaseId: 'kb', ...o }), ctx);
    expect(check({ questionFrom: 'question', variable: 'answer' })).toEqual([]);
    expect(check({ questionFrom: 'query' })).toEqual([
      { field: 'questionFrom', message: '"query" is never set: declare it, or set it in an earlier node' },
    ]);
    const o = knowledgeAnswer.options.parse({ knowledgeBaseId: 'kb' });
    expect(knowledgeAnswer.ports(o).map((p) => p.id)).toEqual(['answered', 'unknown', 'error']);
  });
});
