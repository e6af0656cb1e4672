import type { AgentReply, HandoffChange, HandoffRelease } from '@botflow/contracts';
import {
  release,
  releaseAt,
  type BotDefinition,
  type EngineEnv,
  type EngineResult,
  type EngineState,
} from '@botflow/graph';
import type { PlannedTurn } from './turn.ts';

/** The change id guarding the extra deliverTurn of a turn whose only news is a hand-over starting or ending. */
export const HANDOFF_INBOX_PATCH = 'handoff-inbox';

/** What the agent inbox must learn from a turn: the hand-over ended (on release) and/or one started. */
export function handoffChanges(
  before: EngineState['handoff'],
  after: EngineState,
  released: HandoffRelease | null,
): HandoffChange[] {
  const changes: HandoffChange[] = [];
  if (released && before) {
    changes.push({ kind: 'released', atNode: released.atNode ?? null, releasedBy: released.releasedBy ?? null });
  }
  const now = after.handoff;
  if (now && (released !== null || !before)) {
    changes.push({
      kind: 'started',
      node: now.node,
      reason: now.reason,
      trigger: now.interrupted ? 'keyword' : 'node',
    });
  }
  return changes;
}

/**
 * The bot back from a hand-over: where it stopped, or at the node the person chose. Null when that node is not in
 * this conversation's version (the API checks it; a version can only change at a question, never while handed over).
 */
export function released(
  env: EngineEnv,
  engine: EngineState,
  request: HandoffRelease,
  now: number,
): EngineResult | null {
  if (request.atNode === undefined) return release(env, engine, now);
  if (!hasNode(env.definition, request.atNode)) return null;
  return releaseAt(env, engine, request.atNode, now);
}

/** A turn that sends the agents' replies, each keyed by its own id so that it is sent once. */
export function agentReplyTurn(engine: EngineState, replies: AgentReply[]): PlannedTurn {
  return {
    engine,
    inbound: [],
    outbound: replies.map((r) => ({
      content: { kind: 'text', text: r.text },
      agentReply: { id: r.id, agent: r.agent },
    })),
    profileChanges: {},
    leftover: [],
  };
}

function hasNode(definition: BotDefinition, node: string): boolean {
  return Object.hasOwn(definition.nodes, node);
}
