import type { BotDefinition } from '../definition.ts';
import type { BotGraph, GraphVariable } from './graph.ts';

const COLUMN_WIDTH = 320;
const ROW_HEIGHT = 180;

/**
 * A definition back as an editable graph (a rolled-back version becomes the draft again; seeded bots get a canvas),
 * laid out in columns by distance from the start.
 */
export function graphFromDefinition(definition: BotDefinition): BotGraph {
  const depth = new Map<string, number>([[definition.entry, 0]]);
  const queue = [definition.entry];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const target of Object.values(definition.nodes[id]?.next ?? {})) {
      if (!depth.has(target)) {
        depth.set(target, (depth.get(id) ?? 0) + 1);
        queue.push(target);
      }
    }
  }
  const rows = new Map<number, number>();
  const nodes = Object.entries(definition.nodes).map(([id, spec]) => {
    const column = depth.get(id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { id, type: spec.type, options: spec.options, position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT } };
  });
  const edges = Object.entries(definition.nodes).flatMap(([from, spec]) =>
    Object.entries(spec.next).map(([port, to]) => ({ from, port, to })),
  );
  const variables: GraphVariable[] = (definition.variables ?? []).map((v) => ({
    name: v.name,
    scope: v.scope,
    type: v.type,
    ...(v.default === undefined ? {} : { default: v.default }),
  }));
  const { sessionTimeoutSeconds, debounceMs, fields, humanKeywords, humanKeywordReply } = definition.settings;
  return {
    entry: definition.entry,
    nodes,
    edges,
    variables,
    settings: {
      sessionTimeoutSeconds,
      ...(debounceMs === undefined ? {} : { debounceMs }),
      ...(fields === undefined ? {} : { fields: fields as Record<string, string | number | boolean> }),
      ...(humanKeywords === undefined ? {} : { humanKeywords }),
      ...(humanKeywordReply === undefined ? {} : { humanKeywordReply }),
    },
  };
}
