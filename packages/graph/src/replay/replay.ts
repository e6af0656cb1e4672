import type { BotDefinition, InboundMessage, OutboundContent } from '../definition.ts';
import { initialState, type EngineEnv, type EngineState } from '../engine.ts';
import { canonicalJson } from '../publish/canonical-json.ts';
import type { VarValue } from '../variables.ts';
import { answer, catchUp, type SkippedEffect } from './clock.ts';

export interface ReplayOptions {
  /** The customer's stable key (WhatsApp id): A/B splits hash it, so the replay takes the same arms. */
  contactKey?: string;
  /** Variables the conversation started with: the contact's profile as `contact.<name>`. */
  vars?: Record<string, VarValue>;
}

export interface ReplayedMessage {
  inbound: InboundMessage;
  /** What the bot answered this message with when it happened. */
  recorded: OutboundContent[];
  /** What the replayed definition answers it with. */
  replayed: OutboundContent[];
  same: boolean;
  /** What the replayed bot said on its own before this message (a question timing out, a wait ending): not compared. */
  before: OutboundContent[];
  /** Why the replayed bot did not answer: its conversation had ended, or a human had it. */
  unanswered?: 'ended' | 'handoff';
}

export interface ReplaySummary {
  messages: number;
  same: number;
  different: number;
  /** Index of the first message answered differently, or null when every answer matches. */
  firstDifference: number | null;
  effectsSkipped: number;
  /** How the replayed conversation ended, or null when it is still going after the last message. */
  ended: { outcome: string } | null;
  /** The node the replayed bot waits at after the last message. */
  waitingAt: string | null;
}

export interface ReplayReport {
  messages: ReplayedMessage[];
  /** Side effects (HTTP calls, AI answers, …) the bot asked for: never run in a replay, each answered as failed. */
  effects: SkippedEffect[];
  summary: ReplaySummary;
}

/**
 * Runs a recorded conversation's customer messages, in order and at their recorded times, through a definition and
 * compares its answers with the ones recorded (keyed by the id of the message they answered). Pure: side effects are
 * not run but completed as failed ({@link EFFECT_NOT_RUN}), so a bot's error paths show what it would say.
 */
export function replayConversation(
  definition: BotDefinition,
  inbound: readonly InboundMessage[],
  recordedReplies: Readonly<Record<string, readonly OutboundContent[]>>,
  options: ReplayOptions = {},
): ReplayReport {
  const env: EngineEnv = { definition, contactKey: options.contactKey ?? 'replay' };
  let state: EngineState = initialState(options.vars);
  let lastActivityAt = inbound[0]?.receivedAt ?? 0;
  const messages: ReplayedMessage[] = [];
  const effects: SkippedEffect[] = [];

  for (const [index, message] of inbound.entries()) {
    const before = catchUp(env, state, message.receivedAt, lastActivityAt, index);
    effects.push(...before.effects);
    const recorded = [...(recordedReplies[message.id] ?? [])];
    const unanswered = before.state.ended ? 'ended' : before.state.handoff ? 'handoff' : undefined;
    let replayed: OutboundContent[] = [];
    state = before.state;
    if (unanswered !== 'ended') {
      const step = answer(env, before.state, message, before.now, index);
      state = step.state;
      replayed = step.outputs;
      effects.push(...step.effects);
      lastActivityAt = before.now;
    }
    const same = canonicalJson(recorded) === canonicalJson(replayed);
    messages.push({
      inbound: message,
      recorded,
      replayed,
      same,
      before: before.outputs,
      ...(unanswered ? { unanswered } : {}),
    });
  }

  const firstDifference = messages.findIndex((m) => !m.same);
  const same = messages.filter((m) => m.same).length;
  return {
    messages,
    effects,
    summary: {
      messages: messages.length,
      same,
      different: messages.length - same,
      firstDifference: firstDifference === -1 ? null : firstDifference,
      effectsSkipped: effects.length,
      ended: state.ended,
      waitingAt: state.waitingAt,
    },
  };
}
