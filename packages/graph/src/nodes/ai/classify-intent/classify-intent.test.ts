import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import { classifyIntent } from './index.ts';

const intents = [
  { id: 'book', description: 'book an appointment' },
  { id: 'prices', description: 'ask about prices' },
];

function conversation(options: Record<string, unknown> = {}) {
  const definition = definitionOf(
    {
      intent: {
        type: 'classify_intent',
        options: classifyIntent.options.parse({ intents, ...options }),
        next: { book: 'booking', prices: 'pricing', unknown: 'unsure', error: 'oops' },
      },
      booking: saying('book'),
      pricing: saying('prices'),
      unsure: saying('unknown'),
      oops: saying('failed'),
    },
    'intent',
  );
  return new TestConversation(definition);
}

describe('classify_intent', () => {
  it('fills in defaults and needs two to twenty intents', () => {
    expect(classifyIntent.options.parse({ intents })).toMatchObject({ text: '{{last_message}}', minConfidence: 0.5 });
    expect(classifyIntent.options.safeParse({ intents: [intents[0]] }).error?.issues[0]?.message).toBe(
      'add at least two intents',
    );
    const bad = classifyIntent.options.safeParse({ intents: [...intents, { id: 'error', description: 'x' }] });
    expect(bad.error?.issues[0]?.message).toBe('"error" is the port for a failed call');
  });

  it('asks the model to choose among the intents', () => {
    expect(conversation().say('I want to book').effect).toMatchObject({
      type: 'classify_intent',
      input: { text: 'I want to book', intents },
    });
  });

  it('leaves through the intent recognised with enough confidence, saving it', () => {
    const c = conversation({ variable: 'intent' });
    c.say('I want to book');
    expect(said(c.complete({ ok: true, value: { intent: 'book', confidence: 0.8 } }))).toEqual(['book']);
    expect(c.state.vars['intent']).toBe('book');
  });

  it('leaves through unknown when unsure, or when the intent is not one of its own', () => {
    const unsure = conversation({ variable: 'intent' });
    unsure.say('hmm');
    expect(said(unsure.complete({ ok: true, value: { intent: 'book', confidence: 0.2 } }))).toEqual(['unknown']);
    expect(unsure.state.vars['intent']).toBe('unknown');
    const stranger = conversation();
    stranger.say('hmm');
    expect(said(stranger.complete({ ok: true, value: { intent: 'refund', confidence: 1 } }))).toEqual(['unknown']);
    const none = conversation();
    none.say('hmm');
    expect(said(none.complete({ ok: true, value: { intent: null, confidence: 0 } }))).toEqual(['unknown']);
  });

  it('does not ask about an empty text, and leaves through error on failure', () => {
    const empty = conversation().say('');
    expect(empty.effect).toBeNull();
    expect(said(empty)).toEqual(['unknown']);
    const c = conversation();
    c.say('hi');
    expect(said(c.complete({ ok: false, error: 'down' }))).toEqual(['failed']);
  });

  it('has a port per intent and checks intent ids', () => {
    const o = classifyIntent.options.parse({ intents });
    expect(classifyIntent.ports(o).map((p) => p.id)).toEqual(['book', 'prices', 'unknown', 'error']);
    const ctx = checkContextOf(definitionOf({}, 'x'));
    const clash = classifyIntent.options.parse({
      text: 'hi',
      intents: [...intents, { id: 'unknown', description: 'x' }, { id: 'book', description: 'y' }],
    });
    expect(classifyIntent.check?.(clash, ctx)).toEqual([
      { field: 'intents.2.id', message: '"unknown" is the port for anything else' },
      { field: 'intents.3.id', message: 'two cases are called "book"' },
    ]);
  });
});
