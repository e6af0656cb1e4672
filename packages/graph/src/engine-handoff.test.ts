import { describe, expect, it } from 'vitest';
import { compileGraph } from './compiler/compile.ts';
import type { BotDefinition } from './definition.ts';
import { initialState, receive, release, releaseAt, type EngineEnv, type EngineState } from './engine.ts';
import { said, textMessage } from './testing.ts';

/** Asks a name, then a city, then thanks; a hand-over node sits off the path for `releaseAt`. */
function bot(settings: Record<string, unknown>): BotDefinition {
  const compiled = compileGraph({
    entry: 'ask_name',
    nodes: [
      { id: 'ask_name', type: 'ask_text', options: { prompt: 'Your name?', variable: 'name' } },
      { id: 'ask_city', type: 'ask_text', options: { prompt: 'Your city, {{name}}?', variable: 'city' } },
      { id: 'thanks', type: 'send_text', options: { text: 'Thanks {{name}} from {{city}}.' } },
      { id: 'menu', type: 'ask_text', options: { prompt: 'Main menu: what now?', variable: 'choice' } },
    ],
    edges: [
      { from: 'ask_name', port: 'next', to: 'ask_city' },
      { from: 'ask_city', port: 'next', to: 'thanks' },
      { from: 'thanks', port: 'next', to: 'menu' },
    ],
    variables: [],
    settings,
  });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.definition;
}

class Chat {
  state: EngineState = initialState();
  readonly env: EngineEnv;
  constructor(definition: BotDefinition) {
    this.env = { definition, contactKey: '27820000001' };
  }
  say(text: string): string[] {
    const result = receive(this.env, this.state, textMessage(text), 0);
    this.state = result.state;
    return said(result);
  }
  release(atNode?: string): string[] {
    const result = atNode ? releaseAt(this.env, this.state, atNode, 0) : release(this.env, this.state, 0);
    this.state = result.state;
    return said(result);
  }
}

describe('human keywords', () => {
  const keywords = { humanKeywords: ['agent', 'real person'] };

  it('compile into the settings with the default reply, and only when given', () => {
    expect(bot(keywords).settings).toMatchObject({
      humanKeywords: ['agent', 'real person'],
      humanKeywordReply: 'A person from our team will reply here shortly.',
    });
    expect(bot({}).settings).not.toHaveProperty('humanKeywords');
    expect(bot({ humanKeywords: [] }).settings).not.toHaveProperty('humanKeywordReply');
  });

  it('are checked when the graph compiles', () => {
    const result = compileGraph({ entry: null, nodes: [], edges: [], settings: { humanKeywords: [' ', '?!'] } });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'a human keyword cannot be empty',
      'a human keyword needs a letter or a digit',
    ]);
  });

  it('hand over at a question, keep the bot silent, and ask that question again on release', () => {
    const chat = new Chat(bot(keywords));
    expect(chat.say('hi')).toEqual(['Your name?']);
    expect(chat.say('Thandi')).toEqual(['Your city, Thandi?']);
    expect(chat.say('Can I speak to an AGENT?')).toEqual(['A person from our team will reply here shortly.']);
    expect(chat.state.handoff).toEqual({ node: 'ask_city', reason: 'asked for a person ("agent")', interrupted: true });
    expect(chat.state.waitingAt).toBeNull();
    expect(chat.say('hello? agent?')).toEqual([]);
    expect(chat.release()).toEqual(['Your city, Thandi?']);
    expect(chat.state.handoff).toBeNull();
    expect(chat.say('Durban')).toEqual(['Thanks Thandi from Durban.', 'Main menu: what now?']);
  });

  it('hand over before the bot has started, and start it on release', () => {
    const chat = new Chat(bot({ ...keywords, humanKeywordReply: '' }));
    expect(chat.say('real person please')).toEqual([]);
    expect(chat.state.handoff?.node).toBe('ask_name');
    expect(chat.release()).toEqual(['Your name?']);
  });

  it('say the owner’s reply, and leave other words alone', () => {
    const chat = new Chat(bot({ ...keywords, humanKeywordReply: 'Hold on, fetching someone.' }));
    chat.say('hi');
    expect(chat.say('Our agents are lovely')).toEqual(['Your city, Our agents are lovely?']);
    expect(chat.say('agent')).toEqual(['Hold on, fetching someone.']);
  });
});

describe('releaseAt', () => {
  it('goes on at the chosen node, afresh', () => {
    const chat = new Chat(bot({ humanKeywords: ['agent'] }));
    chat.say('hi');
    chat.say('agent');
    expect(chat.release('menu')).toEqual(['Main menu: what now?']);
    expect(chat.state).toMatchObject({ waitingAt: 'menu', handoff: null, callStack: [] });
  });

  it('does nothing unless handed over, or once ended', () => {
    const chat = new Chat(bot({}));
    chat.say('hi');
    expect(chat.release('menu')).toEqual([]);
    expect(chat.state.waitingAt).toBe('ask_name');
    const ended = { ...chat.state, handoff: { node: 'ask_name', reason: 'x' }, ended: { outcome: 'done' } };
    expect(said(releaseAt(chat.env, ended, 'menu', 0))).toEqual([]);
  });

  it('ends the conversation as unknown_node for a node the definition lacks', () => {
    const chat = new Chat(bot({ humanKeywords: ['agent'] }));
    chat.say('agent');
    chat.release('nowhere');
    expect(chat.state.ended).toEqual({ outcome: 'unknown_node' });
  });
});
