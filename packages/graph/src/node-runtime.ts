import type { InboundMessage, OutboundContent } from './definition.ts';
import type { VarValue } from './variables.ts';

/** Side effects a node can ask for; the workflow runs each as an activity and hands the result back to the node. */
export const EFFECT_TYPES = [
  'http_request',
  'webhook',
  'llm_reply',
  'knowledge_answer',
  'classify_intent',
  'extract_fields',
  'check_availability',
] as const;

export type EffectType = (typeof EFFECT_TYPES)[number];

/** The activity that carries out an effect: `http_request` runs `httpRequest`. One rule, no table to keep in sync. */
export function effectActivityName(type: EffectType): string {
  return type.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

export interface RetrySpec {
  /** Attempts in all, the first included; 1 means no retry. */
  maxAttempts: number;
  initialIntervalSeconds: number;
}

export interface EffectRequest {
  type: EffectType;
  /** Everything the activity needs, with templates already filled in: activities never see engine state. */
  input: Record<string, VarValue>;
  retry: RetrySpec;
  timeoutSeconds: number;
}

export type EffectResult = { ok: true; value: VarValue } | { ok: false; error: string };

/** What a node decides when the engine enters it, or when something it waits for happens. */
export type NodeStep =
  | { kind: 'continue'; port: string }
  /** Go to another node without an edge (the jump node). */
  | { kind: 'goto'; node: string }
  /** Wait for the customer's next message, at most this long if given (then `timeout`). */
  | { kind: 'wait'; timeoutSeconds?: number }
  /** Pause until a moment (epoch ms, workflow time); messages that arrive meanwhile wait their turn. */
  | { kind: 'sleep'; until: number }
  /** Ask the workflow for a side effect; the node's `complete` gets the result. */
  | { kind: 'effect'; effect: EffectRequest }
  /** A human takes the conversation over; the bot stays silent until released (`release`). */
  | { kind: 'handoff'; reason: string }
  /** Run a sub-flow from `entry`; its `return` node comes back here and leaves through `returnPort`. */
  | { kind: 'call'; entry: string; returnPort: string }
  | { kind: 'return' }
  | { kind: 'end'; outcome: string };

export interface NodeContext {
  readonly nodeId: string;
  /** Workflow time (epoch ms): deterministic on replay. */
  readonly now: number;
  /** Stable per customer: the same contact always gets the same A/B arm. */
  readonly contactKey: string;
  /** A variable by path: `name`, `contact.city`, `bot.address`, `system.now`. */
  get(path: string): VarValue | undefined;
  /** Sets a conversation variable (`name`) or a contact profile field (`contact.city`, saved with the turn). */
  set(path: string, value: VarValue): void;
  /** Fills `{{…}}` placeholders. */
  interpolate(template: string): string;
  /** Evaluates a CEL expression over the variables; throws ExpressionError, which takes the node's `error` port. */
  evaluate(expression: string): VarValue;
  say(content: OutboundContent): void;
  /** This node's memory for the current visit (e.g. attempts so far); cleared whenever the node is entered anew. */
  readonly memory: Record<string, VarValue>;
}

/**
 * Runtime behaviour of one node type. Pure and deterministic: it runs inside Temporal workflows, so no I/O, clocks
 * or randomness except through the context. Hooks a type leaves out have sensible defaults: a customer message or a
 * release continues through `next`, a timeout through `timeout`, an effect through `next` (or `error` if it failed).
 */
export interface NodeRuntime<Options = Record<string, unknown>> {
  enter(ctx: NodeContext, options: Options): NodeStep;
  receive?(ctx: NodeContext, options: Options, message: InboundMessage): NodeStep;
  timeout?(ctx: NodeContext, options: Options): NodeStep;
  wake?(ctx: NodeContext, options: Options): NodeStep;
  complete?(ctx: NodeContext, options: Options, result: EffectResult): NodeStep;
  release?(ctx: NodeContext, options: Options): NodeStep;
}
