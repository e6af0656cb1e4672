import { describe, expect, it } from 'vitest';
import { compileGraph, NODE_CATALOGUE } from '@botflow/graph/catalogue';
import { tourGraph } from './tour-graph.ts';

// The end-to-end tour (every-node.int.test.ts) needs the servers; this tells a new node type's author sooner.
describe('the tour graph', () => {
  it('compiles without problems', () => {
    const result = compileGraph(tourGraph('127.0.0.1:8080'));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('uses every node type of the catalogue: add a new one to the tour', () => {
    const used = new Set(tourGraph('127.0.0.1:8080').nodes.map((n) => n.type));
    expect(NODE_CATALOGUE.map((t) => t.type).filter((type) => !used.has(type))).toEqual([]);
  });
});
