import type { VersionMove } from '@botflow/contracts';
import { NODE_RUNTIMES, type BotDefinition, type EngineState } from '@botflow/graph';

/**
 * The engine state in the new version, or null when this conversation cannot move yet: it waits at a question the
 * new version does not have (under its id or the owner's mapping). Only questions are safe points — never mid-step.
 */
export function movedEngine(engine: EngineState, next: BotDefinition, move: VersionMove): EngineState | null {
  if (engine.waitingAt === null) return engine;
  const target = move.nodeMapping?.[engine.waitingAt] ?? engine.waitingAt;
  const node = next.nodes[target];
  if (!node || !NODE_RUNTIMES[node.type]?.receive) return null;
  return { ...engine, waitingAt: target, callStack: [], memory: undefined };
}
