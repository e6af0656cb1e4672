import { expire, wake, type EngineEnv, type EngineState } from '@botflow/graph';
import { plannedFrom, type PlannedTurn } from './turn.ts';

/** No message came and a deadline passed: a wait node's moment, a question's timeout, or the session's expiry. */
export function timeoutTurn(env: EngineEnv, engine: EngineState, now: number, sessionDeadline: number): PlannedTurn {
  if (engine.sleeping && now >= engine.sleeping.until) return plannedFrom(wake(env, engine, now));
  if (engine.waitDeadline !== null && now >= engine.waitDeadline) return plannedFrom(expire(env, engine, now));
  if (now >= sessionDeadline) {
    const ended = {
      ...engine,
      waitingAt: null,
      waitDeadline: null,
      sleeping: null,
      handoff: null,
      ended: { outcome: 'abandoned' },
    };
    return { engine: ended, inbound: [], outbound: [], profileChanges: {}, leftover: [] };
  }
  return { engine, inbound: [], outbound: [], profileChanges: {}, leftover: [] };
}
