import { describe, expect, it } from 'vitest';
import { compileGraph } from './compiler/compile.ts';
import type { BotGraph, GraphNode } from './compiler/graph.ts';
import type { BotDefinition } from './definition.ts';
import { said, TestConversation } from './testing.ts';

/** Compiles a small graph (defaults applied, as published) for the engine to run. */
function compiled(entry: string, nodes: GraphNode[], edges: [string, string, string][]): BotDefinition {
  const graph: BotGraph = {
    entry,
    nodes,
    edges: edges.map(([from, port, to]) => ({ from, port, to })),
    variables: [],
    settings: {},
  };
  const result = compileGraph(graph);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const text = (id: string, t: string): GraphNode => ({ id, type: 'send_text', options: { text: t } });
const ask = (id: string, prompt: string, variable: string): GraphNode => ({
  id,
  type: 'ask_text',
  options: { prompt, variable },
});

describe('engine: flow control', () => {
  it('calls a sub-flow and comes back through the caller’s next port', () => {
    const def = compiled(
      'call',
      [
        { id: 'call', type: 'call_flow', options: { entry: 'sub' } },
        text('sub', 'inside'),
        { id: 'back', type: 'return', options: {} },
        text('after', 'after'),
        ask('q', 'question?', 'answer'),
      ],
      [
        ['call', 'next', 'after'],
        ['sub', 'next', 'back'],
        ['after', 'next', 'q'],
      ],
    );
    const c = new TestConversation(def);
    expect(said(c.say('hi'))).toEqual(['inside', 'after', 'question?']);
    expect(c.state.callStack).toEqual([]);
  });

  it('jumps without an edge', () => {
    const def = compiled(
      'a',
      [text('a', 'a'), { id: 'j', type: 'jump', options: { target: 'q' } }, ask('q', 'q?', 'x')],
      [['a', 'next', 'j']],
    );
    expect(said(new TestConversation(def).say('hi'))).toEqual(['a', 'q?']);
  });
});

describe('engine: pauses', () => {
  it('pauses for an effect, holds messages meanwhile, and goes on with its result', () => {
    const def = compiled(
      'call',
      [
        {
          id: 'call',
          type: 'http_request',
          options: { url: 'https://example.test/x', responseMapping: [{ variable: 'code', path: 'status' }] },
        },
        text('ok', 'status {{code}}'),
        text('failed', 'sorry'),
      ],
      [
        ['call', 'next', 'ok'],
        ['call', 'error', 'failed'],
      ],
    );
    const c = new TestConversation(def);
    const paused = c.say('hi');
    expect(paused.effect).toMatchObject({ type: 'http_request', input: { url: 'https://example.test/x' } });
    expect(c.say('anyone?').consumed).toBe(false);
    expect(said(c.complete({ ok: true, value: { status: 200, body: {} } }))).toEqual(['status 200']);

    const failing = new TestConversation(def);
    failing.say('hi');
    expect(said(failing.complete({ ok: false, error: 'connection refused' }))).toEqual(['sorry']);
    expect(failing.state.lastError).toMatchObject({ node: 'call' });
  });

  it('sleeps until its moment, then goes on', () => {
    const def = compiled(
      'hello',
      [text('hello', 'hello'), { id: 'pause', type: 'wait', options: { seconds: 60 } }, text('later', 'later')],
      [
        ['hello', 'next', 'pause'],
        ['pause', 'next', 'later'],
      ],
    );
    const c = new TestConversation(def);
    expect(said(c.say('hi'))).toEqual(['hello']);
    expect(c.state.sleeping).toMatchObject({ node: 'pause' });
    expect(said(c.advance(30))).toEqual([]);
    expect(said(c.advance(30))).toEqual(['later']);
  });

  it('hands over to a human: the bot takes messages silently until released', () => {
    const def = compiled(
      'human',
      [{ id: 'human', type: 'handoff', options: { reason: 'complaint' } }, ask('q', 'Anything else?', 'x')],
      [['human', 'next', 'q']],
    );
    const c = new TestConversation(def);
    c.say('I want a refund');
    expect(c.state.handoff).toEqual({ node: 'human', reason: 'complaint' });
    const during = c.say('hello??');
    expect(during.consumed).toBe(true);
    expect(said(during)).toEqual([]);
    expect(said(c.release())).toEqual(['Anything else?']);
  });
});

describe('engine: errors', () => {
  it('sends a failing expression through the error port, or ends with outcome error when it has none', () => {
    const def = compiled(
      'check',
      [
        { id: 'check', type: 'condition', options: { expression: 'int(last_message) > 1' } },
        text('oops', 'oops'),
        text('big', 'big'),
      ],
      [
        ['check', 'error', 'oops'],
        ['check', 'true', 'big'],
      ],
    );
    const c = new TestConversation(def);
    expect(said(c.say('hi'))).toEqual(['oops']);
    expect(c.state.lastError?.message).toMatch(/int\(last_message\) > 1/);
    expect(said(new TestConversation(def).say('7'))).toEqual(['big']);

    const unguarded = compiled(
      'check',
      [{ id: 'check', type: 'condition', options: { expression: 'int(last_message) > 1' } }],
      [],
    );
    const u = new TestConversation(unguarded);
    u.say('hi');
    expect(u.state.ended).toEqual({ outcome: 'error' });
  });
});
