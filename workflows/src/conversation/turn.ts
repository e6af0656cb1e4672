import type { InboundSignal } from '@botflow/contracts';
import {
  receive,
  type EngineEnv,
  type EngineResult,
  type EngineState,
  type OutboundContent,
  type VarValue,
} from '@botflow/graph';

export interface PlannedOutbound {
  content: OutboundContent;
  /** The customer message this answers: quoted in WhatsApp, and the start of its response time. */
  replyTo?: { id: string; receivedAt: number };
  /** A person's reply from the agent inbox, sent under its own idempotency id. */
  agentReply?: { id: string; agent: string };
}

export interface PlannedTurn {
  engine: EngineState;
  inbound: InboundSignal[];
  outbound: PlannedOutbound[];
  profileChanges: Record<string, VarValue>;
  /** Messages not taken in this turn: after the bot ended (they open the next conversation) or paused. */
  leftover: InboundSignal[];
  /** The message being answered when the bot paused for a side effect: what follows the effect answers it too. */
  answering?: { id: string; receivedAt: number };
}

/** Runs the bot over the messages waiting in the inbox, in arrival order, until it ends or pauses; no side effects. */
export function planTurn(env: EngineEnv, engine: EngineState, messages: InboundSignal[], now: number): PlannedTurn {
  let state = engine;
  const turn: PlannedTurn = { engine, inbound: [], outbound: [], profileChanges: {}, leftover: [] };
  for (const [index, message] of messages.entries()) {
    if (state.ended || state.pendingEffect || state.sleeping) {
      return { ...turn, engine: state, leftover: messages.slice(index) };
    }
    const result = receive(env, state, toInbound(message), now);
    if (!result.consumed) return { ...turn, engine: state, leftover: messages.slice(index) };
    state = result.state;
    turn.inbound.push(message);
    const replyTo = { id: message.id, receivedAt: message.receivedAt };
    addResult(turn, result, replyTo);
    if (state.pendingEffect) turn.answering = replyTo;
  }
  return { ...turn, engine: state };
}

/** A turn with no customer message: a deadline, a wake-up, an effect's result or a release. */
export function plannedFrom(result: EngineResult, replyTo?: { id: string; receivedAt: number }): PlannedTurn {
  const turn: PlannedTurn = { engine: result.state, inbound: [], outbound: [], profileChanges: {}, leftover: [] };
  addResult(turn, result, replyTo);
  if (result.state.pendingEffect && replyTo) turn.answering = replyTo;
  return turn;
}

function addResult(turn: PlannedTurn, result: EngineResult, replyTo?: { id: string; receivedAt: number }): void {
  for (const content of result.outputs) turn.outbound.push(replyTo ? { content, replyTo } : { content });
  Object.assign(turn.profileChanges, result.profileChanges);
}

function toInbound(message: InboundSignal) {
  return {
    id: message.id,
    type: message.type,
    text: message.text,
    receivedAt: message.receivedAt,
    ...(message.optionId === undefined ? {} : { optionId: message.optionId }),
    ...(message.location === undefined ? {} : { location: message.location }),
    ...(message.media === undefined ? {} : { media: message.media }),
  };
}
