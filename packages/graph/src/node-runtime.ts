import type { InboundMessage, OutboundContent } from './definition.ts';

/** What a node decides when the engine enters it, or when the customer answers or a wait times out. */
export type NodeStep =
  { kind: 'continue'; port: string } | { kind: 'wait'; timeoutSeconds?: number } | { kind: 'end'; outcome: string };

export interface NodeContext {
  vars: Record<string, string>;
  say(content: OutboundContent): void;
}

/** Runtime behaviour of one node type. Pure and deterministic: it runs inside Temporal workflows. */
export interface NodeRuntime<Options = Record<string, unknown>> {
  enter(ctx: NodeContext, options: Options): NodeStep;
  receive?(ctx: NodeContext, options: Options, message: InboundMessage): NodeStep;
  timeout?(ctx: NodeContext, options: Options): NodeStep;
}
