import type { BotDefinition, InboundMessage, OutboundContent } from './definition.ts';
import type { NodeContext, NodeStep } from './node-runtime.ts';
import { NODE_RUNTIMES } from './nodes/runtime-registry.ts';

/** Where a conversation stands in its bot. Plain JSON: it is carried across continue-as-new. */
export interface EngineState {
  /** The node waiting for the customer, or null when not waiting. */
  waitingAt: string | null;
  /** When the current wait times out (epoch ms, workflow time), if it does. */
  waitDeadline: number | null;
  vars: Record<string, string>;
  ended: { outcome: string } | null;
}

export interface EngineResult {
  state: EngineState;
  outputs: OutboundContent[];
}

/** More node visits than this in one turn without waiting for the customer means a loop: stop it. */
export const MAX_STEPS_PER_TURN = 200;

export function initialState(vars: Record<string, string> = {}): EngineState {
  return { waitingAt: null, waitDeadline: null, vars: { ...vars }, ended: null };
}

/**
 * A customer message arrived. Before the bot has started, it starts from its entry node; when a node waits, that node
 * takes the message; either way the bot then runs to its next wait or its end.
 */
export function receive(def: BotDefinition, state: EngineState, message: InboundMessage, now: number): EngineResult {
  const next = clone(state);
  if (next.ended) return { state: next, outputs: [] };
  if (next.waitingAt === null) return advance(def, next, def.entry, now);
  return resume(def, next, next.waitingAt, now, (runtime, ctx, options) =>
    runtime.receive ? runtime.receive(ctx, options, message) : { kind: 'continue', port: 'next' },
  );
}

/** The current wait's deadline passed with no answer. */
export function expire(def: BotDefinition, state: EngineState, now: number): EngineResult {
  const next = clone(state);
  if (next.ended || next.waitingAt === null || next.waitDeadline === null || now < next.waitDeadline) {
    return { state: next, outputs: [] };
  }
  return resume(def, next, next.waitingAt, now, (runtime, ctx, options) =>
    runtime.timeout ? runtime.timeout(ctx, options) : { kind: 'continue', port: 'timeout' },
  );
}

type Resumer = (runtime: (typeof NODE_RUNTIMES)[string], ctx: NodeContext, options: never) => NodeStep;

function resume(def: BotDefinition, state: EngineState, nodeId: string, now: number, decide: Resumer): EngineResult {
  const outputs: OutboundContent[] = [];
  const node = def.nodes[nodeId];
  const runtime = node && NODE_RUNTIMES[node.type];
  state.waitingAt = null;
  state.waitDeadline = null;
  if (!node || !runtime) return finish(state, outputs, 'unknown_node');
  const step = decide(runtime, context(state, outputs), node.options as never);
  return follow(def, state, nodeId, step, now, outputs, 1);
}

function advance(def: BotDefinition, state: EngineState, nodeId: string, now: number): EngineResult {
  return visit(def, state, nodeId, now, [], 0);
}

function visit(
  def: BotDefinition,
  state: EngineState,
  nodeId: string,
  now: number,
  outputs: OutboundContent[],
  steps: number,
): EngineResult {
  if (steps >= MAX_STEPS_PER_TURN) return finish(state, outputs, 'loop_limit');
  const node = def.nodes[nodeId];
  const runtime = node && NODE_RUNTIMES[node.type];
  if (!node || !runtime) return finish(state, outputs, 'unknown_node');
  const step = runtime.enter(context(state, outputs), node.options as never);
  return follow(def, state, nodeId, step, now, outputs, steps + 1);
}

function follow(
  def: BotDefinition,
  state: EngineState,
  nodeId: string,
  step: NodeStep,
  now: number,
  outputs: OutboundContent[],
  steps: number,
): EngineResult {
  if (step.kind === 'end') return finish(state, outputs, step.outcome);
  if (step.kind === 'wait') {
    state.waitingAt = nodeId;
    state.waitDeadline = step.timeoutSeconds === undefined ? null : now + step.timeoutSeconds * 1000;
    return { state, outputs };
  }
  const target = def.nodes[nodeId]?.next[step.port];
  if (target === undefined) return finish(state, outputs, step.port === 'next' ? 'completed' : 'dead_end');
  return visit(def, state, target, now, outputs, steps);
}

function finish(state: EngineState, outputs: OutboundContent[], outcome: string): EngineResult {
  state.ended = { outcome };
  state.waitingAt = null;
  state.waitDeadline = null;
  return { state, outputs };
}

function context(state: EngineState, outputs: OutboundContent[]): NodeContext {
  return { vars: state.vars, say: (content) => outputs.push(content) };
}

function clone(state: EngineState): EngineState {
  return { ...state, vars: { ...state.vars }, ended: state.ended ? { ...state.ended } : null };
}
