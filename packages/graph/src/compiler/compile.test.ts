import { describe, expect, it } from 'vitest';
import { DEMO_BOT } from '../demo-bot.ts';
import { contentHash } from '../publish/index.ts';
import { compileGraph, validateGraph } from './compile.ts';
import { graphFromDefinition } from './from-definition.ts';
import type { BotGraph } from './graph.ts';

const twoQuestions = (): BotGraph => ({
  entry: 'ask_name',
  nodes: [
    { id: 'ask_name', type: 'ask_text', options: { prompt: 'Your name?', variable: 'name' } },
    { id: 'ask_city', type: 'ask_text', options: { prompt: 'Where do you live, {{name}}?', variable: 'contact.city' } },
    { id: 'done', type: 'end', options: { outcome: 'lead_captured' } },
  ],
  edges: [
    { from: 'ask_name', port: 'next', to: 'ask_city' },
    { from: 'ask_city', port: 'next', to: 'done' },
  ],
  variables: [],
  settings: {},
});

const codes = (graph: unknown) => validateGraph(graph).map((p) => [p.code, p.nodeId, p.field]);

describe('compileGraph', () => {
  it('compiles a valid graph, inferring the variables nodes write', () => {
    const result = compileGraph(twoQuestions());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.entry).toBe('ask_name');
    expect(result.definition.nodes['ask_name']).toEqual({
      type: 'ask_text',
      options: { prompt: 'Your name?', variable: 'name' },
      next: { next: 'ask_city' },
    });
    expect(result.definition.variables).toEqual([
      { name: 'city', scope: 'contact', type: 'string' },
      { name: 'name', scope: 'conversation', type: 'string' },
    ]);
    expect(result.definition.settings.sessionTimeoutSeconds).toBe(86400);
  });

  it('gives the same graph the same hash, whatever the canvas positions or order', () => {
    const a = twoQuestions();
    const b = twoQuestions();
    b.nodes.reverse();
    b.nodes[0] = { ...(b.nodes[0] as BotGraph['nodes'][number]), position: { x: 10, y: 20 } };
    const [ra, rb] = [compileGraph(a), compileGraph(b)];
    if (!ra.ok || !rb.ok) throw new Error('expected both to compile');
    expect(contentHash(ra.definition)).toBe(contentHash(rb.definition));
  });

  it('round-trips the demo bot through its graph', () => {
    const result = compileGraph(graphFromDefinition(DEMO_BOT));
    expect(result.ok && result.definition.nodes).toEqual(DEMO_BOT.nodes);
  });

  it('reports every problem at once, each with its node and option', () => {
    const graph = twoQuestions();
    graph.nodes.push(
      { id: 'lonely', type: 'send_text', options: { text: 'Nobody reaches me' } },
      { id: 'typo', type: 'sned_text', options: {} },
      { id: 'empty', type: 'send_text', options: {} },
    );
    graph.edges.push({ from: 'done', port: 'next', to: 'ask_name' }, { from: 'ask_city', port: 'next', to: 'nowhere' });
    graph.nodes[1] = { id: 'ask_city', type: 'ask_text', options: { prompt: 'Hi {{nam}}', variable: 'contact.city' } };
    expect(codes(graph)).toEqual(
      expect.arrayContaining([
        ['unknown_node_type', 'typo', null],
        ['invalid_option', 'empty', 'text'],
        ['invalid_option', 'ask_city', 'prompt'],
        ['unknown_port', 'done', 'edges.2'],
        ['dangling_edge', 'ask_city', 'edges.3'],
        ['unreachable_node', 'lonely', null],
      ]),
    );
    const prompt = validateGraph(graph).find((p) => p.nodeId === 'ask_city');
    expect(prompt?.message).toBe('{{nam}}: "nam" is never set: declare it, or set it in an earlier node');
    expect(validateGraph(graph).find((p) => p.nodeId === 'empty')?.message).toBe('fill in "text"');
  });

  it('finds loops that never wait for the customer, but not loops through a question', () => {
    const graph: BotGraph = {
      entry: 'a',
      nodes: [
        { id: 'a', type: 'send_text', options: { text: 'a' } },
        { id: 'b', type: 'send_text', options: { text: 'b' } },
      ],
      edges: [
        { from: 'a', port: 'next', to: 'b' },
        { from: 'b', port: 'next', to: 'a' },
      ],
      variables: [],
      settings: {},
    };
    expect(validateGraph(graph)).toEqual([
      {
        code: 'endless_loop',
        nodeId: 'a',
        field: null,
        message: 'these nodes go round in a circle without waiting for the customer: a → b',
      },
    ]);
    graph.nodes[1] = { id: 'b', type: 'ask_text', options: { prompt: 'again?', variable: 'x' } };
    expect(validateGraph(graph)).toEqual([]);
  });

  it('checks the start, duplicate ids, two arrows from one exit and declared variables', () => {
    const graph = twoQuestions();
    graph.entry = 'missing';
    graph.nodes.push({ id: 'done', type: 'end', options: { outcome: 'x' } });
    graph.edges.push({ from: 'ask_name', port: 'next', to: 'done' });
    graph.variables = [
      { name: 'name', scope: 'conversation', type: 'number' },
      { name: 'bad name', scope: 'conversation', type: 'string' },
    ];
    expect(codes(graph)).toEqual(
      expect.arrayContaining([
        ['missing_entry', null, 'entry'],
        ['duplicate_node', 'done', null],
        ['duplicate_edge', 'ask_name', 'edges.2'],
        ['type_conflict', 'ask_name', null],
        ['invalid_variable', null, 'variables.1'],
      ]),
    );
  });

  it('rejects what is not a graph with the path of the problem', () => {
    expect(codes({ nodes: 'no' })).toEqual(
      expect.arrayContaining([
        ['invalid_graph', null, 'nodes'],
        ['invalid_graph', null, 'edges'],
      ]),
    );
  });
});
