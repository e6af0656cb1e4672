import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPayloadConverter, type WorkflowHandle } from '@temporalio/client';
import { CONVERSATION_WORKFLOW, type VersionMove } from '@botflow/contracts';
import type { ConversationStatus } from '@botflow/db';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { greetingGraph, organisationWithToken, startBotsApi, type TestBotsApi } from './test-support.ts';

const db = useMigratedDatabase();
let api: TestBotsApi;
let org: { id: string; token: string };
/** Conversation workflows started on a queue no worker polls: they stay running and record every signal. */
const taskQueue = `bots-move-test-${randomUUID()}`;
const started: WorkflowHandle[] = [];

beforeAll(async () => {
  org = await organisationWithToken(db.prisma);
  api = await startBotsApi(db.prisma, org.token);
});
afterAll(async () => {
  await Promise.all(started.map((h) => h.terminate('test over').catch(() => undefined)));
  await api.close();
});

async function conversationOf(
  botId: string,
  botVersionId: string | null,
  status: ConversationStatus,
  running: boolean,
) {
  const workflowId = `conv:test:${randomUUID()}`;
  if (running) {
    started.push(await api.temporal.workflow.start(CONVERSATION_WORKFLOW, { workflowId, taskQueue, args: [{}] }));
  }
  const channel = await db.prisma.whatsappChannel.findFirstOrThrow({ where: { organisationId: org.id } });
  const contact = await db.prisma.contact.create({ data: { organisationId: org.id, waId: randomUUID() } });
  await db.prisma.conversation.create({
    data: {
      workflowId,
      runId: randomUUID(),
      channelId: channel.id,
      contactId: contact.id,
      botId,
      botVersionId,
      status,
    },
  });
  return workflowId;
}

async function signalsTo(workflowId: string): Promise<VersionMove[]> {
  const history = await api.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const signal = e.workflowExecutionSignaledEventAttributes;
    if (signal?.signalName !== 'moveToVersion') return [];
    const [payload] = signal.input?.payloads ?? [];
    return payload ? [defaultPayloadConverter.fromPayload<VersionMove>(payload)] : [];
  });
}

describe('publishing with moveRunning', () => {
  it('signals every running conversation of the bot on another version, skipping ended ones', async () => {
    const created = await api.call<{ bot: { id: string } }>('POST', '/api/bots', {
      body: { name: 'Mover', graph: greetingGraph() },
    });
    const botId = created.body.bot.id;
    await db.prisma.whatsappChannel.create({
      data: {
        organisationId: org.id,
        phoneNumberId: randomUUID(),
        wabaId: 'waba',
        displayPhoneNumber: '+15550000000',
        accessTokenCiphertext: new Uint8Array([1]),
        appSecretCiphertext: new Uint8Array([1]),
        verifyTokenCiphertext: new Uint8Array([1]),
        boundBotId: botId,
      },
    });
    const v1 = await api.call<{ version: { version: number } }>('POST', `/api/bots/${botId}/versions`);
    const v1Id = (await db.prisma.botVersion.findFirstOrThrow({ where: { botId, version: v1.body.version.version } }))
      .id;

    const onV1 = await conversationOf(botId, v1Id, 'active', true);
    const alsoOnV1 = await conversationOf(botId, v1Id, 'active', true);
    await conversationOf(botId, v1Id, 'active', false); // ended in Temporal, not yet recorded as ended
    const completed = await conversationOf(botId, v1Id, 'completed', true);

    await api.call('PUT', `/api/bots/${botId}/draft`, { body: { graph: greetingGraph('Hey {{name}}') } });
    const published = await api.call<{ version: { version: number }; moved: unknown }>(
      'POST',
      `/api/bots/${botId}/versions`,
      { body: { moveRunning: true, nodeMapping: { ask_first_name: 'ask_name' } } },
    );
    expect(published.status).toBe(201);
    expect(published.body.moved).toEqual({ signalled: 2, notRunning: 1, failed: 0 });

    const v2Id = (await db.prisma.botVersion.findFirstOrThrow({ where: { botId, version: 2 } })).id;
    const expected: VersionMove = { botVersionId: v2Id, version: 2, nodeMapping: { ask_first_name: 'ask_name' } };
    expect(await signalsTo(onV1)).toEqual([expected]);
    expect(await signalsTo(alsoOnV1)).toEqual([expected]);
    expect(await signalsTo(completed)).toEqual([]);

    // Publishing the same draft again is a no-op (200) that still moves whoever is not on it yet.
    const onV2 = await conversationOf(botId, v2Id, 'active', true);
    const again = await api.call<{ moved: unknown }>('POST', `/api/bots/${botId}/versions`, {
      body: { moveRunning: true },
    });
    expect(again.status).toBe(200);
    expect(again.body.moved).toEqual({ signalled: 2, notRunning: 1, failed: 0 });
    expect(await signalsTo(onV2)).toEqual([]);
  });
});
