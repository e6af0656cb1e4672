import {
  ActivityFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  conversationStatusQuery,
  inboundMessageSignal,
  type CarriedConversation,
  type ConversationInput,
  type ConversationRef,
  type InboundSignal,
} from '@botflow/contracts';
import { initialState, type BotDefinition, type EngineState } from '@botflow/graph';
import { conversationActivities as act } from './activities.ts';
import { DeadlineWatcher } from './deadline-watcher.ts';
import { SeenMessageIds } from './seen-message-ids.ts';
import { planTurn, type PlannedTurn } from './turn.ts';
import { timeoutTurn } from './timeout-turn.ts';

export interface ConversationResult {
  outcome: string;
  turns: number;
}

/**
 * One customer's conversation with a bot: takes their messages one turn at a time, in order, each exactly once,
 * and runs the pinned bot definition; every side effect happens in the deliverTurn activity.
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

  setHandler(inboundMessageSignal, (message) => {
    if (seen.add(message.id)) inbox.push(message);
  });
  setHandler(conversationStatusQuery, () => ({
    conversationId: ref?.id ?? null,
    botVersion: ref?.botVersion ?? null,
    waitingAt: engine.waitingAt,
    turn,
    pending: inbox.length,
    ended: engine.ended,
  }));

  const sessionDeadline = () => lastActivityAt + (definition?.settings.sessionTimeoutSeconds ?? 86400) * 1000;
  const watcher = new DeadlineWatcher(() => Math.min(engine.waitDeadline ?? Infinity, sessionDeadline()));
  const watching = watcher.run();

  for (;;) {
    await condition(() => inbox.length > 0 || watcher.due || workflowInfo().continueAsNewSuggested);
    if (inbox.length > 0 || watcher.due) {
      const outcome = await takeTurn();
      if (outcome !== null) return end({ outcome, turns: turn });
    }
    // Checked even when nothing was answered: a flood of duplicates grows the history without making turns.
    if (workflowInfo().continueAsNewSuggested) {
      if (ref === null) return handOver({ phoneNumberId: input.phoneNumberId, customer: input.customer });
      const next: CarriedConversation = {
        conversation: ref,
        engine: { waitingAt: engine.waitingAt, waitDeadline: engine.waitDeadline, vars: engine.vars },
        lastActivityAt,
        turn,
        seenMessageIds: [],
        pending: [],
      };
      return handOver({ ...input, carried: next });
    }
  }

  /** One turn: every queued message (or the deadline that passed) through the bot, then its effects. */
  async function takeTurn(): Promise<string | null> {
    if (definition === null) {
      const pinned = await pinBot(ref);
      if (pinned === null) return 'unbound';
      ({ ref, definition } = pinned);
    }
    const current = requirePinned(ref);
    const now = Date.now();
    let planned: PlannedTurn;
    if (inbox.length > 0) {
      planned = planTurn(definition, engine, inbox.splice(0), now);
      inbox.unshift(...planned.leftover);
      lastActivityAt = now;
    } else {
      planned = timeoutTurn(definition, engine, now, sessionDeadline());
    }
    watcher.due = false;
    engine = planned.engine;
    if (planned.inbound.length > 0 || planned.outbound.length > 0 || engine.ended) {
      turn += 1;
      try {
        await act.deliverTurn({
          conversation: current,
          // The conversation's own id: unique per conversation, kept across continue-as-new with its turn count.
          turnKey: `${current.id}:${turn}`,
          isFirstTurn: turn === 1,
          inbound: planned.inbound,
          outbound: planned.outbound,
          ended: engine.ended,
        });
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        // Retried for half an hour already: the bot moves on rather than failing the whole conversation.
        log.error('a turn could not be delivered', { turn, error: err.message });
      }
    }
    if (engine.ended) return engine.ended.outcome;
    watcher.reschedule();
    return null;
  }

  /** The bot version this conversation runs: chosen when it opens, reloaded by id after continue-as-new. */
  async function pinBot(
    existing: ConversationRef | null,
  ): Promise<{ ref: ConversationRef; definition: BotDefinition } | null> {
    if (existing)
      return { ref: existing, definition: await act.loadBotDefinition({ botVersionId: existing.botVersionId }) };
    const opened = await act.openConversation({ phoneNumberId: input.phoneNumberId, customer: input.customer });
    if (opened.kind === 'opened') return { ref: opened.conversation, definition: opened.definition };
    log.warn('no bot is bound to this number: messages are logged, not answered', { reason: opened.reason });
    await act.recordUnanswered({ phoneNumberId: input.phoneNumberId, messages: inbox.splice(0) });
    return null;
  }

  /** Ends this conversation; messages that arrived meanwhile open the customer's next one. */
  async function end(result: ConversationResult): Promise<ConversationResult> {
    watcher.stop();
    await watching;
    await condition(allHandlersFinished);
    if (inbox.length === 0) return result;
    return handOver({ phoneNumberId: input.phoneNumberId, customer: input.customer });
  }

  function requirePinned(value: ConversationRef | null): ConversationRef {
    if (value === null) throw new Error('conversation is not pinned to a bot');
    return value;
  }

  async function handOver(nextInput: ConversationInput): Promise<never> {
    watcher.stop();
    await watching;
    await condition(allHandlersFinished);
    const pending = inbox.splice(0);
    const seenMessageIds = seen.toArray();
    const next: ConversationInput = nextInput.carried
      ? { ...nextInput, carried: { ...nextInput.carried, pending, seenMessageIds } }
      : { ...nextInput, pending, seenMessageIds };
    return continueAsNew<typeof conversation>(next);
  }
}
