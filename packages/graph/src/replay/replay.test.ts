import { describe, expect, it } from 'vitest';
import { compileGraph } from '../compiler/compile.ts';
import type { BotGraph } from '../compiler/graph.ts';
import type { BotDefinition, InboundMessage, NodeSpec, OutboundContent } from '../definition.ts';
import { DEMO_BOT } from '../demo-bot.ts';
import { EFFECT_NOT_RUN, replayConversation } from './index.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const text = (t: string): OutboundContent => ({ kind: 'text', text: t });

function customer(...messages: [string, number][]): InboundMessage[] {
  return messages.map(([t, atSeconds], i) => ({
    id: `wamid.${i}`,
    type: 'text',
    text: t,
    receivedAt: T0 + atSeconds * 1000,
  }));
}

function compiled(graph: BotGraph): BotDefinition {
  const result = compileGraph(graph);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

/** What the demo bot said in a real conversation: Ann wanted a room. */
const annBooks = customer(['hi', 0], ['Ann', 10], ['I want to book', 20]);
const annRecorded: Record<string, OutboundContent[]> = {
  'wamid.0': [text("Hi! I'm the assistant of Sunny Guesthouse. What's your name?")],
  'wamid.1': [text('Nice to meet you, Ann! Would you like to *book* a room or ask a *question*?')],
  'wamid.2': [text('Great, Ann! A host will confirm your room here shortly.')],
};

describe('replayConversation', () => {
  it('finds every answer the same when the definition is the one that answered', () => {
    const report = replayConversation(DEMO_BOT, annBooks, annRecorded);
    expect(report.messages.map((m) => m.same)).toEqual([true, true, true]);
    expect(report.summary).toEqual({
      messages: 3,
      same: 3,
      different: 0,
      firstDifference: null,
      effectsSkipped: 0,
      ended: { outcome: 'booking_requested' },
      waitingAt: null,
    });
  });

  it('shows the recorded and the new answer where a draft says something else', () => {
    const draft = structuredClone(DEMO_BOT);
    (draft.nodes['confirm_booking'] as NodeSpec).options['text'] = 'Booked, {{name}}!';
    const report = replayConversation(draft, annBooks, annRecorded);
    expect(report.summary.firstDifference).toBe(2);
    expect(report.messages[2]).toMatchObject({
      same: false,
      recorded: annRecorded['wamid.2'],
      replayed: [text('Booked, Ann!')],
    });
  });

  it('stops answering once the replayed conversation has ended', () => {
    const report = replayConversation(
      DEMO_BOT,
      [...annBooks, ...customer(['hello?', 30]).map((m) => ({ ...m, id: 'wamid.late' }))],
      annRecorded,
    );
    expect(report.messages[3]).toMatchObject({ unanswered: 'ended', replayed: [], same: true });
  });

  it('lets a question time out when the customer answered too late', () => {
    const slow = customer(['hi', 0], ['Ann', 7200]);
    const report = replayConversation(DEMO_BOT, slow, {});
    expect(report.messages[1]?.before).toEqual([text("I'll be here whenever you're ready. Just say hi!")]);
    expect(report.messages[1]?.unanswered).toBe('ended');
    expect(report.summary.ended).toEqual({ outcome: 'timeout' });
  });

  it('ends a silent session as abandoned', () => {
    const draft: BotDefinition = { ...DEMO_BOT, settings: { sessionTimeoutSeconds: 600 } };
    const report = replayConversation(draft, customer(['hi', 0], ['Ann', 60], ['later', 60 + 601]), {});
    expect(report.summary.ended).toEqual({ outcome: 'abandoned' });
    expect(report.messages[2]?.unanswered).toBe('ended');
  });

  it('never runs side effects: it completes them as failed and lists them', () => {
    const draft = compiled({
      entry: 'ask',
      nodes: [
        { id: 'ask', type: 'ask_text', options: { prompt: 'Order number?', variable: 'order' } },
        { id: 'lookup', type: 'http_request', options: { url: 'https://shop.example/orders/{{order}}' } },
        { id: 'found', type: 'send_text', options: { text: 'Found it' } },
        { id: 'failed', type: 'send_text', options: { text: 'Our shop is not answering' } },
      ],
      edges: [
        { from: 'ask', port: 'next', to: 'lookup' },
        { from: 'lookup', port: 'next', to: 'found' },
        { from: 'lookup', port: 'error', to: 'failed' },
      ],
      variables: [],
      settings: {},
    });
    const report = replayConversation(draft, customer(['hi', 0], ['A-17', 5]), {});
    expect(report.messages[1]?.replayed).toEqual([text('Our shop is not answering')]);
    expect(report.effects).toEqual([
      expect.objectContaining({ messageIndex: 1, node: 'lookup', type: 'http_request' }),
    ]);
    expect(report.effects[0]?.input['url']).toBe('https://shop.example/orders/A-17');
    expect(report.summary.effectsSkipped).toBe(1);
    expect(EFFECT_NOT_RUN).toBe('not run during a replay');
  });

  it('starts from the contact variables given', () => {
    const draft = compiled({
      entry: 'hello',
      nodes: [{ id: 'hello', type: 'send_text', options: { text: 'Hello again {{contact.name}}' } }],
      edges: [],
      variables: [],
      settings: {},
    });
    const report = replayConversation(
      draft,
      customer(['hi', 0]),
      {},
      { vars: { 'contact.name': 'Ann' }, contactKey: '2782' },
    );
    expect(report.messages[0]?.replayed).toEqual([text('Hello again Ann')]);
  });

  it('holds a message that arrives while the bot sleeps until it wakes', () => {
    const draft = compiled({
      entry: 'pause',
      nodes: [
        { id: 'pause', type: 'wait', options: { seconds: 60 } },
        { id: 'ask', type: 'ask_text', options: { prompt: 'Still there?', variable: 'answer' } },
        { id: 'thanks', type: 'send_text', options: { text: 'You said {{answer}}' } },
      ],
      edges: [
        { from: 'pause', port: 'next', to: 'ask' },
        { from: 'ask', port: 'next', to: 'thanks' },
      ],
      variables: [],
      settings: {},
    });
    const report = replayConversation(draft, customer(['hi', 0], ['yes', 10]), {});
    expect(report.messages[0]?.replayed).toEqual([]);
    expect(report.messages[1]?.before).toEqual([text('Still there?')]);
    expect(report.messages[1]?.replayed).toEqual([text('You said yes')]);
  });
});
