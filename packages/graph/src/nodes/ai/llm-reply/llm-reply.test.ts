import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import { llmReply } from './index.ts';

function conversation(options: Record<string, unknown>) {
  const definition = definitionOf(
    {
      ai: { type: 'llm_reply', options: llmReply.options.parse(options), next: { next: 'after', error: 'oops' } },
      after: saying('after'),
      oops: saying('failed'),
    },
    'ai',
    { fields: { shop: 'Sunny Salon' } },
  );
  return new TestConversation(definition);
}

describe('llm_reply', () => {
  it('fills in defaults', () => {
    expect(llmReply.options.parse({})).toEqual({
      system: '',
      prompt: '{{last_message}}',
      send: true,
      retry: { maxAttempts: 3, initialIntervalSeconds: 1 },
      timeoutSeconds: 10,
    });
    expect(llmReply.options.safeParse({ prompt: '' }).error?.issues[0]?.message).toBe(
      'write what the model should answer, e.g. {{last_message}}',
    );
  });

  it('asks the model with the templates filled in', () => {
    const result = conversation({ system: 'You work at {{bot.shop}}.' }).say('Are you open on Sunday?');
    expect(result.effect).toEqual({
      type: 'llm_reply',
      input: { system: 'You work at Sunny Salon.', prompt: 'Are you open on Sunday?' },
      retry: { maxAttempts: 3, initialIntervalSeconds: 1 },
      timeoutSeconds: 10,
    });
  });

  it('sends and saves the reply', () => {
    const c = conversation({ variable: 'answer' });
    c.say('hi');
    expect(said(c.complete({ ok: true, value: { text: 'Hello!' } }))).toEqual(['Hello!', 'after']);
    expect(c.state.vars['answer']).toBe('Hello!');
  });

  it('only saves the reply when it is not to be sent', () => {
    const c = conversation({ variable: 'answer', send: false });
    c.say('hi');
    expect(said(c.complete({ ok: true, value: { text: 'Hello!' } }))).toEqual(['after']);
    expect(c.state.vars['answer']).toBe('Hello!');
  });

  it('leaves through error when the model fails or answers nothing readable', () => {
    const failed = conversation({});
    failed.say('hi');
    expect(said(failed.complete({ ok: false, error: 'rate limited' }))).toEqual(['failed']);
    const odd = conversation({});
    odd.say('hi');
    expect(said(odd.complete({ ok: true, value: { text: 3 } }))).toEqual(['failed']);
    expect(odd.state.lastError?.message).toBe('the language model gave no reply');
  });

  it('checks templates and where the reply is saved', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { fields: { shop: 'x' } }));
    const o = llmReply.options.parse({ system: '{{bot.shop}} {{bot.nope}}', prompt: 'hi' });
    expect(llmReply.check?.(o, ctx)).toEqual([
      { field: 'system', message: '{{bot.nope}}: the bot has no field "nope"' },
    ]);
    expect(llmReply.writes?.({ ...o, variable: 'answer' })).toEqual([{ path: 'answer', type: 'string' }]);
    expect(llmReply.ports(o).map((p) => p.id)).toEqual(['next', 'error']);
  });
});
