import type { InboundSignal } from '@botflow/contracts';
import { receive, type BotDefinition, type EngineState, type OutboundContent } from '@botflow/graph';

export interface PlannedOutbound {
  content: OutboundContent;
  /** The customer message this answers: quoted in WhatsApp, and the start of its response time. */
  replyTo?: { id: string; receivedAt: number };
}

export interface PlannedTurn {
  engine: EngineState;
  inbound: InboundSignal[];
  outbound: PlannedOutbound[];
  /** Messages that arrived after the bot ended in this turn: they open the customer's next conversation. */
  leftover: InboundSignal[];
}

/** Runs the bot over the messages waiting in the inbox, in arrival order, without side effects. */
export function planTurn(
  definition: BotDefinition,
  engine: EngineState,
  messages: InboundSignal[],
  now: number,
): PlannedTurn {
  let state = engine;
  const outbound: PlannedOutbound[] = [];
  const inbound: InboundSignal[] = [];
  for (const [index, message] of messages.entries()) {
    if (state.ended) return { engine: state, inbound, outbound, leftover: messages.slice(index) };
    inbound.push(message);
    const result = receive(definition, state, message, now);
    state = result.state;
    for (const content of result.outputs) {
      outbound.push({ content, replyTo: { id: message.id, receivedAt: message.receivedAt } });
    }
  }
  return { engine: state, inbound, outbound, leftover: [] };
}
