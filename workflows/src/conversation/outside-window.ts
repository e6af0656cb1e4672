import type { EngineState } from '@botflow/graph';
import type { PlannedTurn } from './turn.ts';

/** WhatsApp's 24-hour window closed and the bot had no template to say it with: the conversation ends, saying so. */
export const OUTSIDE_WINDOW_OUTCOME = 'outside_window';

export function outsideWindowEnd(engine: EngineState): PlannedTurn {
  const ended: EngineState = {
    ...engine,
    waitingAt: null,
    waitDeadline: null,
    sleeping: null,
    pendingEffect: null,
    ended: { outcome: OUTSIDE_WINDOW_OUTCOME },
  };
  return { engine: ended, inbound: [], outbound: [], profileChanges: {}, leftover: [] };
}
