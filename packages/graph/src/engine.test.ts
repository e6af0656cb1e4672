import { describe, expect, it } from 'vitest';
import type { BotDefinition, InboundMessage } from './definition.ts';
import { DEMO_BOT } from './demo-bot.ts';
import { expire, initialState, MAX_STEPS_PER_TURN, receive, type EngineEnv } from './engine.ts';
import { said } from './testing.ts';

const msg = (text: string, id = `wamid.${text}`): InboundMessage => ({ id, type: 'text', text, receivedAt: 0 });
const texts = said;
const demo: EngineEnv = { definition: DEMO_BOT, contactKey: '27820000001' };
const envOf = (definition: BotDefinition): EngineEnv => ({ definition, contactKey: '27820000001' });

describe('engine on the demo bot', () => {
  it('asks, remembers the answer, branches and ends with an outcome', () => {
    let r = receive(demo, initialState(), msg('hi'), 0);
    expect(texts(r)).toEqual(["Hi! I'm the assistant of Sunny Guesthouse. What's your name?"]);
    expect(r.state.waitingAt).toBe('ask_name');
    expect(r.state.waitDeadline).toBe(3600_000);

    r = receive(demo, r.state, msg('Thandi'), 10);
    expect(texts(r)).toEqual(['Nice to meet you, Thandi! Would you like to *book* a room or ask a *question*?']);

    r = receive(demo, r.state, msg('I want to book a room please'), 20);
    expect(texts(r)).toEqual(['Great, Thandi! A host will confirm your room here shortly.']);
    expect(r.state.ended).toEqual({ outcome: 'booking_requested' });
    expect(r.state.vars).toEqual({
      name: 'Thandi',
      need: 'I want to book a room please',
      last_message: 'I want to book a room please',
    });
  });

  it('re-asks on an answer it does not understand, one message per turn', () => {
    let r = receive(demo, initialState(), msg('hi'), 0);
    r = receive(demo, r.state, msg('Sam'), 0);
    r = receive(demo, r.state, msg('maybe'), 0);
    expect(texts(r)).toEqual(["Sorry, I didn't catch that. Type *book* or *question*."]);
    r = receive(demo, r.state, msg('question'), 0);
    expect(r.state.waitingAt).toBe('ask_question');
  });

  it('leaves through the timeout port once the deadline passed, not before', () => {
    const r = receive(demo, initialState(), msg('hi'), 0);
    expect(expire(demo, r.state, 3599_999).outputs).toEqual([]);
    const expired = expire(demo, r.state, 3600_000);
    expect(texts(expired)).toEqual(["I'll be here whenever you're ready. Just say hi!"]);
    expect(expired.state.ended).toEqual({ outcome: 'timeout' });
  });

  it('does not mutate the state it was given', () => {
    const state = initialState();
    receive(demo, state, msg('hi'), 0);
    expect(state).toEqual(initialState());
  });

  it('ignores messages after the end', () => {
    const ended = { ...initialState(), ended: { outcome: 'x' } };
    expect(receive(demo, ended, msg('hi'), 0).outputs).toEqual([]);
  });
});

describe('engine safety', () => {
  it('stops a loop that never waits for the customer', () => {
    const loop: BotDefinition = {
      schemaVersion: 1,
      entry: 'a',
      settings: { sessionTimeoutSeconds: 60 },
      nodes: { a: { type: 'send_text', options: { text: 'again' }, next: { next: 'a' } } },
    };
    const r = receive(envOf(loop), initialState(), msg('hi'), 0);
    expect(r.outputs).toHaveLength(MAX_STEPS_PER_TURN);
    expect(r.state.ended).toEqual({ outcome: 'loop_limit' });
  });

  it('ends on an unknown node type instead of crashing', () => {
    const odd: BotDefinition = {
      schemaVersion: 1,
      entry: 'a',
      settings: { sessionTimeoutSeconds: 60 },
      nodes: { a: { type: 'teleport', options: {}, next: {} } },
    };
    expect(receive(envOf(odd), initialState(), msg('hi'), 0).state.ended).toEqual({ outcome: 'unknown_node' });
  });

  it('records contact fields the bot sets as profile changes of the turn', () => {
    const def: BotDefinition = {
      schemaVersion: 1,
      entry: 'ask',
      settings: { sessionTimeoutSeconds: 60 },
      nodes: {
        ask: { type: 'ask_text', options: { prompt: 'City?', variable: 'contact.city' }, next: { next: 'bye' } },
        bye: { type: 'send_text', options: { text: 'Noted: {{contact.city}}' }, next: {} },
      },
    };
    let r = receive(envOf(def), initialState(), msg('hi'), 0);
    expect(r.profileChanges).toEqual({});
    r = receive(envOf(def), r.state, msg('Durban'), 0);
    expect(r.profileChanges).toEqual({ city: 'Durban' });
    expect(texts(r)).toEqual(['Noted: Durban']);
    expect(r.state.ended).toEqual({ outcome: 'completed' });
  });
});
