import type { InboundMessage, OutboundContent } from './definition.ts';
import { nodeContext, type EngineEnv, type TurnEffects } from './engine-context.ts';
import { DEFAULT_HUMAN_REPLY, humanKeywordIn } from './human-request.ts';
import type { EffectRequest, EffectResult, NodeContext, NodeRuntime, NodeStep } from './node-runtime.ts';
import { NODE_RUNTIMES } from './nodes/runtime-registry.ts';
import type { VarValue } from './variables.ts';

export type { EngineEnv } from './engine-context.ts';

/** Where a conversation stands in its bot. Plain JSON: it is carried across continue-as-new. */
export interface EngineState {
  /** The node waiting for the customer, or null when not waiting. */
  waitingAt: string | null;
  /** When the current wait times out (epoch ms, workflow time), if it does. */
  waitDeadline: number | null;
  /** Conversation variables by name, contact profile fields as `contact.<name>`. */
  vars: Record<string, VarValue>;
  ended: { outcome: string } | null;
  /** A wait node pausing the bot until a moment; customer messages wait meanwhile. */
  sleeping?: { node: string; until: number } | null;
  /** A side effect the workflow must run before the bot goes on. */
  pendingEffect?: { node: string; request: EffectRequest } | null;
  /**
   * A human has the conversation; the bot is silent until released. `interrupted`: the customer asked for a person
   * (a human keyword) at this node, so a release enters it again instead of leaving it.
   */
  handoff?: { node: string; reason: string; interrupted?: boolean } | null;
  /** Sub-flow calls in progress, innermost last: where each `return` goes back to. */
  callStack?: { node: string; port: string }[];
  /** The paused node's memory (attempts so far, …). */
  memory?: Record<string, VarValue>;
  /** The last node failure, for whoever debugs the conversation. */
  lastError?: { node: string; message: string } | null;
}

export interface EngineResult extends TurnEffects {
  state: EngineState;
  /** Set when the bot paused for a side effect: run it, then call completeEffect. */
  effect: EffectRequest | null;
  /** False when the engine could not take the message now (sleeping or an effect pending): offer it again later. */
  consumed: boolean;
}

/** More node visits than this in one engine call without pausing means a loop: stop it. */
export const MAX_STEPS_PER_TURN = 200;

export function initialState(vars: Record<string, VarValue> = {}): EngineState {
  return { waitingAt: null, waitDeadline: null, vars: { ...vars }, ended: null };
}

/** Why the bot cannot take a customer message right now, or null when it can. */
export function pausedFor(state: EngineState): 'sleep' | 'effect' | 'handoff' | null {
  if (state.pendingEffect) return 'effect';
  if (state.sleeping) return 'sleep';
  if (state.handoff) return 'handoff';
  return null;
}

/**
 * A customer message arrived. Before the bot has started, it starts from its entry node; when a node waits, that node
 * takes the message; either way the bot then runs to its next pause or its end. During a hand-over the message is
 * taken (a human reads it) but the bot says nothing.
 */
export function receive(env: EngineEnv, state: EngineState, message: InboundMessage, now: number): EngineResult {
  const run = new Run(env, state, now);
  if (run.state.ended || run.state.handoff) return run.result();
  if (run.state.pendingEffect || run.state.sleeping) return { ...run.result(), consumed: false };
  run.state.vars['last_message'] = message.text;
  const keyword = humanKeywordIn(message.text, env.definition.settings.humanKeywords);
  if (keyword !== null) return run.handOverOnRequest(keyword);
  if (run.state.waitingAt === null) return run.visit(env.definition.entry);
  return run.resume(run.state.waitingAt, (runtime, ctx, options) =>
    runtime.receive ? runtime.receive(ctx, options, message) : { kind: 'continue', port: 'next' },
  );
}

/** The current wait's deadline passed with no answer. */
export function expire(env: EngineEnv, state: EngineState, now: number): EngineResult {
  const run = new Run(env, state, now);
  const s = run.state;
  if (s.ended || s.waitingAt === null || s.waitDeadline === null || now < s.waitDeadline) return run.result();
  return run.resume(s.waitingAt, (runtime, ctx, options) =>
    runtime.timeout ? runtime.timeout(ctx, options) : { kind: 'continue', port: 'timeout' },
  );
}

/** A wait node's moment came. */
export function wake(env: EngineEnv, state: EngineState, now: number): EngineResult {
  const run = new Run(env, state, now);
  const sleeping = run.state.sleeping;
  if (run.state.ended || !sleeping || now < sleeping.until) return run.result();
  run.state.sleeping = null;
  return run.resume(sleeping.node, (runtime, ctx, options) =>
    runtime.wake ? runtime.wake(ctx, options) : { kind: 'continue', port: 'next' },
  );
}

/** The side effect the bot paused for finished (successfully or not, after its retries). */
export function completeEffect(env: EngineEnv, state: EngineState, result: EffectResult, now: number): EngineResult {
  const run = new Run(env, state, now);
  const pending = run.state.pendingEffect;
  if (run.state.ended || !pending) return run.result();
  run.state.pendingEffect = null;
  return run.resume(pending.node, (runtime, ctx, options) => {
    if (runtime.complete) return runtime.complete(ctx, options, result);
    return result.ok ? { kind: 'continue', port: 'next' } : failed(pending.node, run, result.error);
  });
}

/** The human who took over hands the conversation back to the bot. */
export function release(env: EngineEnv, state: EngineState, now: number): EngineResult {
  const run = new Run(env, state, now);
  const handoff = run.state.handoff;
  if (run.state.ended || !handoff) return run.result();
  run.state.handoff = null;
  if (handoff.interrupted) return run.visit(handoff.node);
  return run.resume(handoff.node, (runtime, ctx, options) =>
    runtime.release ? runtime.release(ctx, options) : { kind: 'continue', port: 'next' },
  );
}

/**
 * The human hands the conversation back at a node of their choosing: the bot enters it afresh, outside any sub-flow.
 * The node must exist in the definition (callers check); an unknown one ends the conversation as `unknown_node`.
 */
export function releaseAt(env: EngineEnv, state: EngineState, node: string, now: number): EngineResult {
  const run = new Run(env, state, now);
  if (run.state.ended || !run.state.handoff) return run.result();
  run.state.handoff = null;
  run.state.callStack = [];
  run.state.memory = undefined;
  return run.visit(node);
}

function failed(node: string, run: Run, message: string): NodeStep {
  run.state.lastError = { node, message };
  return { kind: 'continue', port: 'error' };
}

type Decide = (runtime: NodeRuntime<never>, ctx: NodeContext, options: never) => NodeStep;

/** One engine call: walks nodes from a starting point to the next pause, collecting what the bot says. */
class Run {
  readonly state: EngineState;
  private readonly effects: TurnEffects = { outputs: [], profileChanges: {} };
  private effect: EffectRequest | null = null;
  private steps = 0;

  private readonly env: EngineEnv;
  private readonly now: number;

  constructor(env: EngineEnv, state: EngineState, now: number) {
    this.env = env;
    this.now = now;
    this.state = clone(state);
  }

  result(): EngineResult {
    return { state: this.state, ...this.effects, effect: this.effect, consumed: true };
  }

  resume(nodeId: string, decide: Decide): EngineResult {
    this.state.waitingAt = null;
    this.state.waitDeadline = null;
    const memory = this.state.memory ?? {};
    this.state.memory = undefined;
    this.steps = 1;
    return this.step(nodeId, memory, decide);
  }

  /** The customer asked for a person: the bot says so and hands over where it stands, to come back there. */
  handOverOnRequest(keyword: string): EngineResult {
    const s = this.state;
    const reply = this.env.definition.settings.humanKeywordReply ?? DEFAULT_HUMAN_REPLY;
    if (reply !== '') this.effects.outputs.push({ kind: 'text', text: reply });
    s.handoff = {
      node: s.waitingAt ?? this.env.definition.entry,
      reason: `asked for a person ("${keyword}")`,
      interrupted: true,
    };
    s.waitingAt = null;
    s.waitDeadline = null;
    s.memory = undefined;
    return this.result();
  }

  visit(nodeId: string): EngineResult {
    if (this.steps >= MAX_STEPS_PER_TURN) return this.finish('loop_limit');
    this.steps += 1;
    return this.step(nodeId, {}, (runtime, ctx, options) => runtime.enter(ctx, options));
  }

  private step(nodeId: string, memory: Record<string, VarValue>, decide: Decide): EngineResult {
    const node = this.env.definition.nodes[nodeId];
    const runtime = node && NODE_RUNTIMES[node.type];
    if (!node || !runtime) return this.finish('unknown_node');
    const ctx = nodeContext(this.env, this.state.vars, memory, nodeId, this.now, this.effects);
    let next: NodeStep;
    try {
      next = decide(runtime, ctx, node.options as never);
    } catch (err) {
      next = failed(nodeId, this, err instanceof Error ? err.message : String(err));
    }
    return this.follow(nodeId, next, memory);
  }

  private follow(nodeId: string, step: NodeStep, memory: Record<string, VarValue>): EngineResult {
    const s = this.state;
    switch (step.kind) {
      case 'end':
        return this.finish(step.outcome);
      case 'wait':
        s.waitingAt = nodeId;
        s.waitDeadline = step.timeoutSeconds === undefined ? null : this.now + step.timeoutSeconds * 1000;
        return this.pause(memory);
      case 'sleep':
        s.sleeping = { node: nodeId, until: step.until };
        return this.pause(memory);
      case 'effect':
        s.pendingEffect = { node: nodeId, request: step.effect };
        this.effect = step.effect;
        return this.pause(memory);
      case 'handoff':
        s.handoff = { node: nodeId, reason: step.reason };
        return this.pause(memory);
      case 'goto':
        return this.visit(step.node);
      case 'call':
        s.callStack = [...(s.callStack ?? []), { node: nodeId, port: step.returnPort }];
        return this.visit(step.entry);
      case 'return': {
        const caller = s.callStack?.at(-1);
        if (!caller) return this.finish('completed');
        s.callStack = s.callStack?.slice(0, -1);
        return this.follow(caller.node, { kind: 'continue', port: caller.port }, {});
      }
      case 'continue': {
        const target = this.env.definition.nodes[nodeId]?.next[step.port];
        if (target !== undefined) return this.visit(target);
        return this.finish(UNCONNECTED_OUTCOME[step.port] ?? 'dead_end');
      }
    }
  }

  private pause(memory: Record<string, VarValue>): EngineResult {
    if (Object.keys(memory).length > 0) this.state.memory = memory;
    return this.result();
  }

  private finish(outcome: string): EngineResult {
    const s = this.state;
    s.ended = { outcome };
    s.waitingAt = null;
    s.waitDeadline = null;
    s.sleeping = null;
    s.pendingEffect = null;
    s.handoff = null;
    s.memory = undefined;
    return this.result();
  }
}

/** Leaving through a port with no edge ends the conversation with this outcome. */
const UNCONNECTED_OUTCOME: Record<string, string> = {
  next: 'completed',
  error: 'error',
  timeout: 'timeout',
  invalid: 'invalid_answer',
};

function clone(state: EngineState): EngineState {
  return structuredCloneJson(state);
}

/** Engine state is plain JSON; copying it this way keeps engine calls free of shared mutable state. */
function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export type { OutboundContent };
