import { describe, expect, it } from 'vitest';
import { compileGraph, type BotGraph } from '@botflow/graph/catalogue';
import { eventually, useProduct } from './product.ts';

/** Asks a name, waits 3 s (the test closes the customer's 24-hour window meanwhile), then follows up and asks. */
const followUpBot: BotGraph = {
  entry: 'ask',
  nodes: [
    { id: 'ask', type: 'ask_text', options: { prompt: 'Your name?', variable: 'name' } },
    { id: 'later', type: 'wait', options: { seconds: 3 } },
    {
      id: 'with_fallback',
      type: 'send_text',
      options: {
        text: 'Still there, {{name}}?',
        templateFallback: { name: 'hello_world', language: 'en_US' },
      },
    },
    { id: 'without_fallback', type: 'ask_text', options: { prompt: 'Any other questions?', variable: 'more' } },
    { id: 'done', type: 'end', options: { outcome: 'goal_reached' } },
  ],
  edges: [
    { from: 'ask', port: 'next', to: 'later' },
    { from: 'later', port: 'next', to: 'with_fallback' },
    { from: 'with_fallback', port: 'next', to: 'without_fallback' },
    { from: 'without_fallback', port: 'next', to: 'done' },
  ],
  variables: [],
  settings: {},
};

const product = useProduct(() => {
  const compiled = compileGraph(followUpBot);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return { definition: compiled.definition };
});

describe('the 24-hour window', () => {
  it('closed: a message with a template fallback sends the template; one without ends the conversation, saying why', async () => {
    const customer = '27820000601';
    await product().say(customer, 'hi');
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    const answer = await product().say(customer, 'Noma');
    await eventually(
      () => product().db.message.findUnique({ where: { wamid: answer } }),
      (m) => m !== null,
    );
    // As if the customer had last written 25 hours ago (the emulator's clock cannot be turned).
    await product().db.contact.updateMany({
      where: { waId: customer },
      data: { lastInboundAt: new Date(Date.now() - 25 * 3600_000) },
    });

    const [conversation] = await eventually(
      () => product().db.conversation.findMany({ where: { contact: { waId: customer } } }),
      (c) => c[0]?.status === 'completed',
      20_000,
    );
    expect(conversation?.outcome).toBe('outside_window');
    expect(
      product()
        .sent(customer)
        .map((m) => m.type),
    ).toEqual(['text', 'template']);
    const failed = await product().db.message.findFirst({
      where: { conversationId: conversation?.id, direction: 'out', status: 'failed' },
    });
    expect(failed?.error).toMatchObject({ kind: 'window_closed' });
  });
});
