/** One thing wrong with a graph, located as precisely as possible, in a sentence an owner understands. */
export interface Problem {
  /** Machine-readable kind, stable for the editor (it highlights by kind and node). */
  code: ProblemCode;
  /** The node concerned, or null for the graph as a whole. */
  nodeId: string | null;
  /** Dotted path of the option (`buttons.1.title`), the edge (`edges.3`), or null. */
  field: string | null;
  message: string;
}

export type ProblemCode =
  | 'invalid_graph'
  | 'duplicate_node'
  | 'unknown_node_type'
  | 'invalid_option'
  | 'missing_entry'
  | 'dangling_edge'
  | 'unknown_port'
  | 'duplicate_edge'
  | 'unconnected_port'
  | 'unreachable_node'
  | 'endless_loop'
  | 'invalid_variable'
  | 'undefined_variable'
  | 'type_conflict';

export function problem(code: ProblemCode, nodeId: string | null, field: string | null, message: string): Problem {
  return { code, nodeId, field, message };
}
