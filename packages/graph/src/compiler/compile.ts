import type { BotDefinition, NodeSpec } from '../definition.ts';
import { DEFAULT_HUMAN_REPLY } from '../human-request.ts';
import type { NodeType, PortSpec } from '../node-type.ts';
import { NODE_TYPES } from '../nodes/catalogue.ts';
import { botGraphSchema, type BotGraph, type GraphNode } from './graph.ts';
import { cycles } from './loops.ts';
import { describeIssue } from './option-issues.ts';
import { problem, type Problem } from './problems.ts';
import { checkContext, resolveVariables, type NodeWrite } from './scope.ts';

export type CompileResult = { ok: true; definition: BotDefinition } | { ok: false; problems: Problem[] };

export const DEFAULT_SESSION_TIMEOUT_SECONDS = 24 * 3600;

interface ParsedNode {
  node: GraphNode;
  type: NodeType;
  options: Record<string, unknown>;
  ports: PortSpec[];
}

/**
 * Checks a draft graph and, when nothing is wrong, compiles it into the definition conversations run. Every problem
 * is reported at once, each with its node and option, so the editor can show them all.
 */
export function compileGraph(input: unknown): CompileResult {
  const shape = botGraphSchema.safeParse(input);
  if (!shape.success) {
    return {
      ok: false,
      problems: shape.error.issues.map((i) => problem('invalid_graph', null, i.path.join('.'), i.message)),
    };
  }
  const graph = shape.data;
  const problems: Problem[] = [];
  const parsed = parseNodes(graph, problems);

  const writes: NodeWrite[] = [...parsed.values()].flatMap((p) =>
    (p.type.writes?.(p.options) ?? []).map((w) => ({ nodeId: p.node.id, ...w })),
  );
  const resolved = resolveVariables(graph, writes);
  problems.push(...resolved.problems);
  const ctx = checkContext(graph, resolved.variables);
  for (const p of parsed.values()) {
    for (const issue of p.type.check?.(p.options, ctx) ?? []) {
      problems.push(problem('invalid_option', p.node.id, issue.field || null, issue.message));
    }
  }

  const next = connectEdges(graph, parsed, problems);
  const successors = (id: string): string[] => {
    const p = parsed.get(id);
    return [...Object.values(next.get(id) ?? {}), ...(p?.type.targets?.(p.options) ?? [])].filter((t) => parsed.has(t));
  };
  checkFlow(graph, parsed, successors, problems);

  if (problems.length > 0 || graph.entry === null) return { ok: false, problems };
  const nodes: Record<string, NodeSpec> = {};
  for (const p of parsed.values()) {
    nodes[p.node.id] = { type: p.type.type, options: p.options, next: next.get(p.node.id) ?? {} };
  }
  const settings = graph.settings;
  return {
    ok: true,
    definition: {
      schemaVersion: 1,
      entry: graph.entry,
      nodes,
      settings: {
        sessionTimeoutSeconds: settings.sessionTimeoutSeconds ?? DEFAULT_SESSION_TIMEOUT_SECONDS,
        ...(settings.debounceMs ? { debounceMs: settings.debounceMs } : {}),
        ...(settings.fields && Object.keys(settings.fields).length > 0 ? { fields: settings.fields } : {}),
        ...(settings.humanKeywords && settings.humanKeywords.length > 0
          ? {
              humanKeywords: settings.humanKeywords,
              humanKeywordReply: settings.humanKeywordReply ?? DEFAULT_HUMAN_REPLY,
            }
          : {}),
      },
      // Sorted, like object keys in the hash, so the order nodes were drawn in does not matter.
      variables: [...resolved.variables].sort((a, b) => `${a.scope}.${a.name}`.localeCompare(`${b.scope}.${b.name}`)),
    },
  };
}

/** Only the problems: what the editor shows while the owner draws. */
export function validateGraph(input: unknown): Problem[] {
  const result = compileGraph(input);
  return result.ok ? [] : result.problems;
}

function parseNodes(graph: BotGraph, problems: Problem[]): Map<string, ParsedNode> {
  const parsed = new Map<string, ParsedNode>();
  const seen = new Set<string>();
  for (const node of graph.nodes) {
    if (seen.has(node.id)) {
      problems.push(problem('duplicate_node', node.id, null, `two nodes have the id "${node.id}"`));
      continue;
    }
    seen.add(node.id);
    const type = NODE_TYPES.get(node.type);
    if (!type) {
      problems.push(problem('unknown_node_type', node.id, null, `"${node.type}" is not a node type BotFlow knows`));
      continue;
    }
    const options = type.options.safeParse(node.options);
    if (!options.success) {
      for (const issue of options.error.issues) {
        const { field, message } = describeIssue(issue);
        problems.push(problem('invalid_option', node.id, field || null, message));
      }
      continue;
    }
    const values = options.data as Record<string, unknown>;
    parsed.set(node.id, { node, type, options: values, ports: type.ports(values) });
  }
  return parsed;
}

function connectEdges(
  graph: BotGraph,
  parsed: Map<string, ParsedNode>,
  problems: Problem[],
): Map<string, Record<string, string>> {
  const next = new Map<string, Record<string, string>>();
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  for (const [i, edge] of graph.edges.entries()) {
    const field = `edges.${i}`;
    if (!nodeIds.has(edge.from)) {
      problems.push(problem('dangling_edge', null, field, `an arrow starts at "${edge.from}", which does not exist`));
      continue;
    }
    if (!nodeIds.has(edge.to)) {
      problems.push(
        problem(
          'dangling_edge',
          edge.from,
          field,
          `the "${edge.port}" arrow leads to "${edge.to}", which does not exist`,
        ),
      );
      continue;
    }
    const source = parsed.get(edge.from);
    if (!source) continue;
    if (!source.ports.some((p) => p.id === edge.port)) {
      const known = source.ports.map((p) => `"${p.id}"`).join(', ') || 'none';
      problems.push(
        problem('unknown_port', edge.from, field, `this node has no "${edge.port}" exit (it has: ${known})`),
      );
      continue;
    }
    const ports = next.get(edge.from) ?? {};
    if (ports[edge.port] !== undefined) {
      problems.push(problem('duplicate_edge', edge.from, field, `the "${edge.port}" exit has two arrows: keep one`));
      continue;
    }
    ports[edge.port] = edge.to;
    next.set(edge.from, ports);
  }
  for (const p of parsed.values()) {
    for (const port of p.ports) {
      if (port.required && next.get(p.node.id)?.[port.id] === undefined) {
        problems.push(problem('unconnected_port', p.node.id, null, `connect the "${port.label}" exit to a node`));
      }
    }
  }
  return next;
}

function checkFlow(
  graph: BotGraph,
  parsed: Map<string, ParsedNode>,
  successors: (id: string) => string[],
  problems: Problem[],
): void {
  if (graph.nodes.length === 0) {
    problems.push(problem('missing_entry', null, 'entry', 'add a first node: the bot has nothing to do'));
    return;
  }
  if (graph.entry === null || !graph.nodes.some((n) => n.id === graph.entry)) {
    problems.push(problem('missing_entry', null, 'entry', 'choose the node where conversations start'));
    return;
  }
  const reached = new Set<string>([graph.entry]);
  const queue = [graph.entry];
  while (queue.length > 0) {
    for (const t of successors(queue.pop() as string)) {
      if (!reached.has(t)) {
        reached.add(t);
        queue.push(t);
      }
    }
  }
  for (const node of graph.nodes) {
    if (!reached.has(node.id)) {
      problems.push(problem('unreachable_node', node.id, null, 'no path from the start leads to this node'));
    }
  }
  const ids = [...parsed.keys()];
  for (const cycle of cycles(ids, successors)) {
    const waits = cycle.some((id) => {
      const p = parsed.get(id);
      return p ? p.type.waits(p.options) : true;
    });
    if (!waits) {
      problems.push(
        problem(
          'endless_loop',
          cycle[0] ?? null,
          null,
          `these nodes go round in a circle without waiting for the customer: ${cycle.join(' → ')}`,
        ),
      );
    }
  }
}
