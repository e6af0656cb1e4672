import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  agentReplySignal,
  conversationStatusQuery,
  customerKey,
  inboundMessageSignal,
  moveToVersionSignal,
  releaseHandoffSignal,
  type AgentReply,
  type CarriedConversation,
  type ConversationInput,
  type ConversationRef,
  type HandoffRelease,
  type InboundSignal,
  type VersionMove,
} from '@botflow/contracts';
import {
  completeEffect,
  initialState,
  type BotDefinition,
  type EngineEnv,
  type EngineState,
  type VarValue,
} from '@botflow/graph';
import { conversationActivities as act } from './activities.ts';
import { DeadlineWatcher } from './deadline-watcher.ts';
import { runEffect } from './effects.ts';
import { agentReplyTurn, handoffChanges, HANDOFF_INBOX_PATCH, released } from './handoff.ts';
import { SeenMessageIds } from './seen-message-ids.ts';
import { timeoutTurn } from './timeout-turn.ts';
import { planTurn, plannedFrom, type PlannedTurn } from './turn.ts';
import { InboundMedia } from './inbound-media.ts';
import { movedEngine } from './version-move.ts';
import { outsideWindowEnd } from './outside-window.ts';

export interface ConversationResult {
  outcome: string;
  turns: number;
}

/** A burst of messages is merged for at most this many debounce windows, so a chatty customer still gets answers. */
const MAX_DEBOUNCE_WINDOWS = 5;

/**
 * One customer's conversation with a bot: takes their messages one turn at a time, in order, each exactly once,
 * and runs the pinned bot definition; every side effect happens in activities.
 */
export async function conversation(input: ConversationInput): Promise<ConversationResult> {
  const carried = input.carried;
  const inbox: InboundSignal[] = [...(carried?.pending ?? input.pending ?? [])];
  const seen = new SeenMessageIds(carried?.seenMessageIds ?? input.seenMessageIds);
  let engine: EngineState = carried ? { ...carried.engine, ended: null } : initialState();
  let turn = carried?.turn ?? 0;
  let lastActivityAt = carried?.lastActivityAt ?? Date.now();
  let ref: ConversationRef | null = carried?.conversation ?? null;
  let definition: BotDefinition | null = null;
  let pendingMove: VersionMove | null = carried?.pendingMove ?? null;
  let windowClosed = false;
  let moveTarget: { botVersionId: string; definition: BotDefinition } | null = null;
  let releaseRequested: HandoffRelease | null = carried?.pendingRelease ?? null;
  const agentReplies: AgentReply[] = [...(carried?.agentReplies ?? [])];
  /** A release or reply meant for an earlier conversation of this customer (same workflow id) is not for this one. */
  const meantForThis = (conversationId: string | undefined) =>
    conversationId === undefined || ref === null || conversationId === ref.id;

  setHandler(inboundMessageSignal, (message) => {
    if (seen.add(message.id)) inbox.push(message);
  });
  setHandler(moveToVersionSignal, (move) => {
    if (ref === null || move.botVersionId !== ref.botVersionId) pendingMove = move;
  });
  setHandler(releaseHandoffSignal, (request) => {
    if (engine.handoff && meantForThis(request?.conversationId)) releaseRequested = request ?? {};
  });
  setHandler(agentReplySignal, (reply) => {
    if (!engine.handoff || !meantForThis(reply.conversationId)) {
      log.warn('an agent reply came while the bot has the conversation: not sent', { replyId: reply.id });
      return;
    }
    if (seen.add(`agent:${reply.id}`)) agentReplies.push(reply);
  });
  setHandler(conversationStatusQuery, () => ({
    conversationId: ref?.id ?? null,
    botVersion: ref?.botVersion ?? null,
    waitingAt: engine.waitingAt,
    turn,
    pending: inbox.length,
    ended: engine.ended,
    handoff: engine.handoff ?? null,
    agentReplies: agentReplies.length,
    pendingMove,
  }));

  const env = (): EngineEnv => ({ definition: requireDefinition(), contactKey: customerKey(input.customer) });
  const sessionDeadline = () => lastActivityAt + (definition?.settings.sessionTimeoutSeconds ?? 86400) * 1000;
  const watcher = new DeadlineWatcher(() =>
    Math.min(engine.waitDeadline ?? Infinity, engine.sleeping?.until ?? Infinity, sessionDeadline()),
  );
  const media = new InboundMedia();
  const watching = watcher.run();
  const hasWork = () =>
    (inbox.length > 0 && !engine.sleeping) || watcher.due || releaseRequested !== null || agentReplies.length > 0;

  for (;;) {
    await condition(() => hasWork() || workflowInfo().continueAsNewSuggested);
    if (hasWork()) {
      const outcome = await takeTurn();
      if (outcome !== null) return end({ outcome, turns: turn });
    }
    // Checked even when nothing was answered: a flood of duplicates grows the history without making turns.
    if (workflowInfo().continueAsNewSuggested) {
      if (ref === null) return handOver({ phoneNumberId: input.phoneNumberId, customer: input.customer });
      const { ended: _ended, pendingEffect: _effect, lastError: _error, ...rest } = engine;
      const next: CarriedConversation = {
        conversation: ref,
        engine: rest,
        lastActivityAt,
        turn,
        seenMessageIds: [],
        pending: [],
        pendingMove,
      };
      return handOver({ ...input, carried: next });
    }
  }

  /** One turn: queued messages (or a deadline, or a release) through the bot, its side effects, its replies. */
  async function takeTurn(): Promise<string | null> {
    if (definition === null) {
      const pinned = await pinBot(ref);
      if (pinned === null) return 'unbound';
      ({ ref, definition } = pinned);
    }
    // A person's replies go out first, in the order they were written, before anything the customer said meanwhile.
    if (agentReplies.length > 0) await deliver(agentReplyTurn(engine, agentReplies.splice(0)));
    if (inbox.length > 0 && !engine.sleeping) await debounce();
    if (pendingMove && pendingMove.botVersionId !== ref?.botVersionId) await applyVersionMove(pendingMove);
    const now = Date.now();
    let planned: PlannedTurn;
    const releasing = releaseRequested && engine.handoff ? released(env(), engine, releaseRequested, now) : null;
    if (releaseRequested && engine.handoff && !releasing) {
      log.warn('release ignored: the version has no such node', { atNode: releaseRequested.atNode });
    }
    const release = releasing ? releaseRequested : null;
    if (releasing) {
      planned = plannedFrom(releasing);
    } else if (inbox.length > 0 && !engine.sleeping) {
      planned = planTurn(env(), engine, inbox.splice(0), now);
      inbox.unshift(...planned.leftover);
      media.fetch(requirePinned(ref), planned.inbound);
      lastActivityAt = now;
    } else {
      planned = timeoutTurn(env(), engine, now, sessionDeadline());
    }
    releaseRequested = null;
    watcher.due = false;
    await deliver(planned, release);
    // A node asked for a side effect: run it, let the bot go on from its result, deliver what it says, repeat.
    while (engine.pendingEffect && !engine.ended) {
      const result = await runEffect(engine.pendingEffect.request);
      await deliver(plannedFrom(completeEffect(env(), engine, result, Date.now()), planned.answering));
    }
    if (windowClosed && !engine.ended) await deliver(outsideWindowEnd(engine));
    if (engine.ended) return engine.ended.outcome;
    watcher.reschedule();
    return null;
  }

  async function deliver(planned: PlannedTurn, release: HandoffRelease | null = null): Promise<void> {
    const handedOver = engine.handoff ?? null;
    engine = planned.engine;
    const current = requirePinned(ref);
    const profileChanges: Record<string, VarValue> = planned.profileChanges;
    const changedProfile = Object.keys(profileChanges).length > 0;
    const handoff = handoffChanges(handedOver, engine, release);
    const quiet = planned.inbound.length === 0 && planned.outbound.length === 0 && !engine.ended && !changedProfile;
    // Only a hand-over's start or end to tell the inbox: runs from before that had no turn for it.
    if (quiet && !(handoff.length > 0 && patched(HANDOFF_INBOX_PATCH))) return;
    turn += 1;
    try {
      const result = await act.deliverTurn({
        conversation: current,
        // The conversation's own id: unique per conversation, kept across continue-as-new with its turn count.
        turnKey: `${current.id}:${turn}`,
        isFirstTurn: turn === 1,
        inbound: planned.inbound,
        outbound: planned.outbound,
        ended: engine.ended,
        ...(changedProfile ? { profileChanges } : {}),
        ...(handoff.length > 0 ? { handoff } : {}),
      });
      // More than 24 h since the customer wrote and no template to fall back on: the bot cannot go on.
      if (result.outsideWindow && !engine.ended && !engine.handoff) windowClosed = true;
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      // Retried for half an hour already: the bot moves on rather than failing the whole conversation.
      log.error('a turn could not be delivered', { turn, error: err.message });
    }
  }

  /** Burst debounce: while messages keep coming within the bot's window, wait, so they form one turn. */
  async function debounce(): Promise<void> {
    const windowMs = definition?.settings.debounceMs ?? 0;
    if (windowMs <= 0) return;
    for (let i = 0; i < MAX_DEBOUNCE_WINDOWS; i++) {
      const count = inbox.length;
      if (!(await condition(() => inbox.length > count, windowMs))) return;
    }
  }

  /** At a question (or before the first one), the conversation switches to the version the owner moved it to. */
  async function applyVersionMove(move: VersionMove): Promise<void> {
    const current = requirePinned(ref);
    const canMove = engine.waitingAt === null ? turn === 0 : !engine.sleeping && !engine.handoff;
    if (!canMove) return;
    if (moveTarget?.botVersionId !== move.botVersionId) {
      moveTarget = { botVersionId: move.botVersionId, definition: await act.loadBotDefinition(move) };
    }
    const next = moveTarget.definition;
    const moved = movedEngine(engine, next, move);
    if (moved === null) {
      log.info('version move waits: this question is not in the new version', { waitingAt: engine.waitingAt });
      return;
    }
    await act.recordVersionMove({ conversationId: current.id, botVersionId: move.botVersionId });
    engine = moved;
    moveTarget = null;
    definition = next;
    ref = { ...current, botVersion: move.version, botVersionId: move.botVersionId };
    pendingMove = null;
  }

  /** The bot version this conversation runs: chosen when it opens, reloaded by id after continue-as-new. */
  async function pinBot(
    existing: ConversationRef | null,
  ): Promise<{ ref: ConversationRef; definition: BotDefinition } | null> {
    if (existing)
      return { ref: existing, definition: await act.loadBotDefinition({ botVersionId: existing.botVersionId }) };
    const opened = await act.openConversation({ phoneNumberId: input.phoneNumberId, customer: input.customer });
    if (opened.kind === 'opened') {
      // Absent in results recorded before contact variables existed.
      if (turn === 0 && opened.contactVars) engine = { ...engine, vars: { ...opened.contactVars, ...engine.vars } };
      return { ref: opened.conversation, definition: opened.definition };
    }
    log.warn('no bot is bound to this number: messages are logged, not answered', { reason: opened.reason });
    await act.recordUnanswered({ phoneNumberId: input.phoneNumberId, messages: inbox.splice(0) });
    return null;
  }

  /** Ends this conversation; messages that arrived meanwhile open the customer's next one. */
  async function end(result: ConversationResult): Promise<ConversationResult> {
    watcher.stop();
    await watching;
    await media.settled();
    await condition(allHandlersFinished);
    if (agentReplies.length > 0) log.warn('the conversation ended before agent replies were sent', { result });
    if (inbox.length === 0) return result;
    return handOver({ phoneNumberId: input.phoneNumberId, customer: input.customer });
  }

  function requirePinned(value: ConversationRef | null): ConversationRef {
    if (value === null) throw new Error('conversation is not pinned to a bot');
    return value;
  }

  function requireDefinition(): BotDefinition {
    if (definition === null) throw new Error('conversation has no bot definition');
    return definition;
  }

  async function handOver(nextInput: ConversationInput): Promise<never> {
    watcher.stop();
    await watching;
    await media.settled();
    await condition(allHandlersFinished);
    const pending = inbox.splice(0);
    const seenMessageIds = seen.toArray();
    const replies = {
      ...(agentReplies.length > 0 ? { agentReplies: agentReplies.splice(0) } : {}),
      ...(releaseRequested ? { pendingRelease: releaseRequested } : {}),
    };
    const next: ConversationInput = nextInput.carried
      ? { ...nextInput, carried: { ...nextInput.carried, pending, seenMessageIds, ...replies } }
      : { ...nextInput, pending, seenMessageIds };
    return continueAsNew<typeof conversation>(next);
  }
}
