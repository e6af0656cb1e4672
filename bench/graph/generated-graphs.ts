import type { BotGraph, GraphEdge, GraphNode } from '@botflow/graph/catalogue';

/**
 * A realistic large bot: `blocks` sections of five nodes (ask a number, branch on it, compute, say, switch), each
 * leading to the next; 100 blocks make the 500-node graph of the benchmark.
 */
export function largeGraph(blocks: number): BotGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const edge = (from: string, port: string, to: string) => edges.push({ from, port, to });
  for (let i = 0; i < blocks; i++) {
    const next = i + 1 < blocks ? `ask_${i + 1}` : 'done';
    nodes.push(
      {
        id: `ask_${i}`,
        type: 'ask_number',
        options: { prompt: `Question ${i}: how many?`, variable: `n_${i}`, min: 0, max: 1000 },
      },
      { id: `check_${i}`, type: 'condition', options: { expression: `n_${i} > 10` } },
      {
        id: `compute_${i}`,
        type: 'set_variable',
        options: { assignments: [{ variable: `t_${i}`, expression: `n_${i} * 2`, type: 'number' }] },
      },
      { id: `say_${i}`, type: 'send_text', options: { text: `You said {{n_${i}}}; twice that is {{t_${i}}}.` } },
      {
        id: `route_${i}`,
        type: 'switch',
        options: {
          cases: [
            { id: 'small', expression: `t_${i} < 10` },
            { id: 'large', expression: `t_${i} >= 10` },
          ],
        },
      },
    );
    edge(`ask_${i}`, 'next', `check_${i}`);
    edge(`check_${i}`, 'true', `compute_${i}`);
    edge(`check_${i}`, 'false', `compute_${i}`);
    edge(`compute_${i}`, 'next', `say_${i}`);
    edge(`say_${i}`, 'next', `route_${i}`);
    edge(`route_${i}`, 'small', next);
    edge(`route_${i}`, 'large', next);
    edge(`route_${i}`, 'default', next);
  }
  nodes.push({ id: 'done', type: 'end', options: { outcome: 'goal_reached' } });
  return { entry: 'ask_0', nodes, edges, variables: [], settings: {} };
}

/**
 * For interpreter throughput: one question, then `logicNodes` logic nodes (alternating compute and branch) that
 * loop back to the question, so every customer message costs exactly `logicNodes + 1` interpreter steps.
 */
export function logicLoopGraph(logicNodes: number): BotGraph {
  const nodes: GraphNode[] = [{ id: 'ask', type: 'ask_text', options: { prompt: 'Go on?', variable: 'answer' } }];
  const edges: GraphEdge[] = [];
  let previous = { id: 'ask', port: 'next' };
  for (let i = 0; i < logicNodes; i++) {
    const id = `logic_${i}`;
    if (i % 2 === 0) {
      nodes.push({
        id,
        type: 'set_variable',
        options: { assignments: [{ variable: 'counter', expression: `size(answer) + ${i}`, type: 'number' }] },
      });
      edges.push({ from: previous.id, port: previous.port, to: id });
      previous = { id, port: 'next' };
    } else {
      nodes.push({ id, type: 'condition', options: { expression: 'counter > 3' } });
      edges.push({ from: previous.id, port: previous.port, to: id });
      const next = i + 1 < logicNodes ? `logic_${i + 1}` : 'ask';
      edges.push({ from: id, port: 'false', to: next });
      previous = { id, port: 'true' };
    }
  }
  edges.push({ from: previous.id, port: previous.port, to: 'ask' });
  return { entry: 'ask', nodes, edges, variables: [], settings: {} };
}
