import { expire, type BotDefinition, type EngineState } from '@botflow/graph';
import type { PlannedTurn } from './turn.ts';

/** No message came and a deadline passed: the waiting node's timeout, or the whole session's expiry. */
export function timeoutTurn(
  definition: BotDefinition,
  engine: EngineState,
  now: number,
  sessionDeadline: number,
): PlannedTurn {
  if (engine.waitDeadline !== null && now >= engine.waitDeadline) {
    const result = expire(definition, engine, now);
    return {
      engine: result.state,
      inbound: [],
      outbound: result.outputs.map((content) => ({ content })),
      leftover: [],
    };
  }
  if (now >= sessionDeadline) {
    const ended = { ...engine, waitingAt: null, waitDeadline: null, ended: { outcome: 'abandoned' } };
    return { engine: ended, inbound: [], outbound: [], leftover: [] };
  }
  return { engine, inbound: [], outbound: [], leftover: [] };
}
