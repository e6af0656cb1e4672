import type { InboundMessage, OutboundContent } from '../definition.ts';
import {
  completeEffect,
  expire,
  receive,
  wake,
  type EngineEnv,
  type EngineResult,
  type EngineState,
} from '../engine.ts';
import type { EffectType } from '../node-runtime.ts';
import type { VarValue } from '../variables.ts';

export const EFFECT_NOT_RUN = 'not run during a replay';

/** A side effect the bot asked for during a replay: never run, completed as failed. */
export interface SkippedEffect {
  /** Index of the customer message being handled (or waited for) when the bot asked for it. */
  messageIndex: number;
  node: string;
  type: EffectType;
  input: Record<string, VarValue>;
}

/** What the engine did while handling one event, effects completed as failed; `now` is when it finished. */
export interface Step {
  state: EngineState;
  outputs: OutboundContent[];
  effects: SkippedEffect[];
  now: number;
}

/** Safety net: a bot that asks for effect after effect, or wakes again and again, still stops. */
const MAX_EVENTS = 50;

/** One engine call, then every effect the bot pauses for answered with a failure instead of being run. */
export function settle(env: EngineEnv, first: EngineResult, now: number, messageIndex: number): Step {
  const step: Step = { state: first.state, outputs: [...first.outputs], effects: [], now };
  let result = first;
  for (let i = 0; result.effect && !result.state.ended && i < MAX_EVENTS; i++) {
    const node = result.state.pendingEffect?.node ?? '';
    step.effects.push({ messageIndex, node, type: result.effect.type, input: result.effect.input });
    result = completeEffect(env, result.state, { ok: false, error: EFFECT_NOT_RUN }, now);
    step.state = result.state;
    step.outputs.push(...result.outputs);
  }
  return step;
}

/**
 * What the bot does on its own before a message arriving at `at`, as the conversation workflow does it: a wait node
 * wakes (a message that arrives while the bot sleeps waits for that), an unanswered question times out, a silent
 * session ends as abandoned.
 */
export function catchUp(env: EngineEnv, state: EngineState, at: number, lastActivityAt: number, index: number): Step {
  const step: Step = { state, outputs: [], effects: [], now: at };
  const sessionDeadline = lastActivityAt + env.definition.settings.sessionTimeoutSeconds * 1000;
  for (let i = 0; !step.state.ended && i < MAX_EVENTS; i++) {
    const s = step.state;
    const sleepUntil = s.sleeping?.until ?? Infinity;
    const waitDeadline = s.waitDeadline ?? Infinity;
    const first = Math.min(sleepUntil, waitDeadline, sessionDeadline);
    if (first > at && !s.sleeping) break;
    let next: Step;
    if (first === sleepUntil) next = settle(env, wake(env, s, first), first, index);
    else if (first === waitDeadline) next = settle(env, expire(env, s, first), first, index);
    else next = { state: abandoned(s), outputs: [], effects: [], now: first };
    step.state = next.state;
    step.outputs.push(...next.outputs);
    step.effects.push(...next.effects);
    step.now = Math.max(at, next.now);
  }
  return step;
}

/** The customer's message, handled at `now` (its arrival, or later if the bot was asleep). */
export function answer(env: EngineEnv, state: EngineState, message: InboundMessage, now: number, index: number): Step {
  return settle(env, receive(env, state, message, now), now, index);
}

function abandoned(state: EngineState): EngineState {
  return {
    ...state,
    waitingAt: null,
    waitDeadline: null,
    sleeping: null,
    handoff: null,
    ended: { outcome: 'abandoned' },
  };
}
