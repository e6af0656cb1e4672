import { describe, expect, it } from 'vitest';
import { initialState, type BotDefinition, type EngineState } from '@botflow/graph';
import { agentReplyTurn, handoffChanges, released } from './handoff.ts';

const byNode: EngineState = { ...initialState(), handoff: { node: 'human', reason: 'complaint' } };
const byKeyword: EngineState = { ...initialState(), handoff: { node: 'ask', reason: 'asked', interrupted: true } };
const withBot = initialState();

describe('handoffChanges', () => {
  it('reports a hand-over that starts, by a node or by a keyword', () => {
    expect(handoffChanges(null, byNode, null)).toEqual([
      { kind: 'started', node: 'human', reason: 'complaint', trigger: 'node' },
    ]);
    expect(handoffChanges(undefined, byKeyword, null)).toEqual([
      { kind: 'started', node: 'ask', reason: 'asked', trigger: 'keyword' },
    ]);
  });

  it('reports a release, and a new hand-over right after it', () => {
    const release = { atNode: 'menu', releasedBy: 'Lee' };
    expect(handoffChanges(byNode.handoff, withBot, release)).toEqual([
      { kind: 'released', atNode: 'menu', releasedBy: 'Lee' },
    ]);
    expect(handoffChanges(byNode.handoff, byNode, {})).toEqual([
      { kind: 'released', atNode: null, releasedBy: null },
      { kind: 'started', node: 'human', reason: 'complaint', trigger: 'node' },
    ]);
  });

  it('reports nothing while nothing changes, nor when the conversation ends during a hand-over', () => {
    expect(handoffChanges(byNode.handoff, byNode, null)).toEqual([]);
    expect(handoffChanges(null, withBot, null)).toEqual([]);
    expect(handoffChanges(byNode.handoff, { ...withBot, ended: { outcome: 'abandoned' } }, null)).toEqual([]);
  });
});

describe('released', () => {
  const definition: BotDefinition = {
    schemaVersion: 1,
    entry: 'human',
    nodes: {
      human: { type: 'handoff', options: { reason: 'x', message: '' }, next: { next: 'back' } },
      back: { type: 'send_text', options: { text: 'back where I stopped' }, next: {} },
      menu: { type: 'send_text', options: { text: 'main menu' }, next: {} },
    },
    settings: { sessionTimeoutSeconds: 60 },
  };
  const env = { definition, contactKey: '27820000001' };
  const text = (r: ReturnType<typeof released>) => r?.outputs.map((o) => (o.kind === 'text' ? o.text : o.kind));

  it('goes on where the bot stopped, or at the chosen node', () => {
    expect(text(released(env, byNode, {}, 0))).toEqual(['back where I stopped']);
    expect(text(released(env, byNode, { atNode: 'menu' }, 0))).toEqual(['main menu']);
  });

  it('refuses a node the version does not have', () => {
    expect(released(env, byNode, { atNode: 'nowhere' }, 0)).toBeNull();
    expect(released(env, byNode, { atNode: 'toString' }, 0)).toBeNull();
  });
});

describe('agentReplyTurn', () => {
  it('sends each reply as a text under its own id, keeping the engine as it is', () => {
    const turn = agentReplyTurn(byNode, [
      { id: 'r1', text: 'Hi, Lee here', agent: 'Lee', conversationId: 'cv1' },
      { id: 'r2', text: 'How can I help?', agent: 'Lee', conversationId: 'cv1' },
    ]);
    expect(turn.engine).toBe(byNode);
    expect(turn.inbound).toEqual([]);
    expect(turn.outbound).toEqual([
      { content: { kind: 'text', text: 'Hi, Lee here' }, agentReply: { id: 'r1', agent: 'Lee' } },
      { content: { kind: 'text', text: 'How can I help?' }, agentReply: { id: 'r2', agent: 'Lee' } },
    ]);
  });
});
