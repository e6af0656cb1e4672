import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import type { WorkflowHandle } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentReplySignal,
  conversationStatusQuery,
  conversationWorkflowId,
  inboundMessageSignal,
  ingestionWorkflowId,
  moveToVersionSignal,
  releaseHandoffSignal,
  type InboundSignal,
  type VersionMove,
} from '@botflow/contracts';
import type { Prisma } from '@botflow/db';
import { DEMO_BOT, type BotDefinition } from '@botflow/graph';
import { contentHash } from '@botflow/graph/publish';
import { buildInboundMessage, buildMessagesWebhook, signPayload } from '@botflow/whatsapp';
import { APP_SECRET, eventually, startProduct, type Product } from '../../tests/e2e/product.ts';
import { featureBots } from './conversation/histories/feature-bots.ts';
import { historyToJSON } from './history-json.ts';
import type { conversation } from './index.ts';

// Records the conversation histories that replay.int.test.ts replays (see conversation/histories/README.md).
// Run on purpose only: RECORD_HISTORIES=1 npx vitest run workflows/src/record-histories.int.test.ts
const HISTORIES = new URL('./conversation/histories/', import.meta.url);

let product: Product;

describe.skipIf(!process.env.RECORD_HISTORIES)('record conversation histories', () => {
  beforeAll(async () => {
    product = await startProduct();
  }, 120_000);
  afterAll(async () => {
    await product?.stop();
  });

  it('demo-booking: hi, name, "book" to the booking outcome', async () => {
    await chat('27830000001', ['hi', 'Thandi', 'I would like to book a room']);
    expect(await handleOf('27830000001').result()).toEqual({ outcome: 'booking_requested', turns: 3 });
    await record('demo-booking', '27830000001');
  });

  it('reask-question: an answer the bot does not understand, then the question branch', async () => {
    await chat('27830000002', ['hi', 'Sam', 'maybe', 'question', 'Is there parking?']);
    expect(await handleOf('27830000002').result()).toEqual({ outcome: 'lead_captured', turns: 5 });
    await record('reask-question', '27830000002');
  });

  it('duplicate-message: one webhook delivered several times reaches the workflow twice, answered once', async () => {
    const customer = '27830000003';
    const id = `wamid.rec${randomBytes(8).toString('hex')}`;
    const body = JSON.stringify(
      buildMessagesWebhook(
        { wabaId: '200000000000009', phoneNumberId: product.phoneNumberId, displayPhoneNumber: '+15550001234' },
        { waId: customer, name: 'Dup' },
        buildInboundMessage({ waId: customer }, { type: 'text', text: { body: 'hi' } }, { id }),
      ),
    );
    const post = () =>
      fetch(`${product.apiUrl}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, APP_SECRET) },
        body,
      });
    await Promise.all([post(), post(), post()]);
    await eventually(
      () => product.replies(customer),
      (r) => r.length === 1,
    );
    expect((await post()).status).toBe(200);
    // The API's Redis filter usually stops a later duplicate: signal one as an evicted cache would let it through.
    const message: InboundSignal = {
      id,
      type: 'text',
      text: 'hi',
      sentAt: Date.now(),
      receivedAt: Date.now(),
      customer: { waId: customer, name: 'Dup' },
    };
    await handleOf(customer).signal(inboundMessageSignal, message);
    await chat(customer, ['Noor'], 1);
    const history = await settled(customer);
    const signals = history.events?.filter((e) => e.workflowExecutionSignaledEventAttributes) ?? [];
    expect(signals.length).toBeGreaterThanOrEqual(3);
    expect(product.replies(customer)).toHaveLength(2);
    await record('duplicate-message', customer);
  });

  it('burst: three messages handled in one turn (the worker is down while they arrive)', async () => {
    const customer = '27830000004';
    await whileWorkerDown(async () => {
      for (const text of ['hi', 'Lee', 'maybe']) await product.say(customer, text);
    });
    await eventually(
      () => product.replies(customer),
      (r) => r.length === 3,
      30_000,
    );
    expect(await handleOf(customer).query(conversationStatusQuery)).toMatchObject({
      waitingAt: 'ask_need_again',
      turn: 1,
    });
    await record('burst', customer);
  }, 120_000);

  it('ended-with-pending: a message after the end opens the next conversation by continue-as-new', async () => {
    const customer = '27830000005';
    await whileWorkerDown(async () => {
      for (const text of ['hi', 'Ana', 'book', 'and breakfast?']) await product.say(customer, text);
    });
    await eventually(
      () => handleOf(customer).query(conversationStatusQuery),
      (s) => s.waitingAt === 'ask_name',
      30_000,
    );
    await record('ended-with-pending', customer, { runs: 2 });
  }, 120_000);

  it('carried-after-continue-as-new: the run the server suggested to continue as new goes on', async () => {
    // The dev server suggests continue-as-new at 4096 events (limit.historyCount.suggestContinueAsNew): duplicates of
    // an accepted message add a signal event each and nothing else. Only the short carried run is kept as a fixture.
    const customer = '27830000006';
    await chat(customer, ['hi']);
    const handle = handleOf(customer);
    const firstRunId = (await handle.describe()).runId;
    const duplicate = await signalArg(handle);
    for (let sent = 0; sent < 4200; sent += 200) {
      await Promise.all(Array.from({ length: 200 }, () => handle.signal(inboundMessageSignal, duplicate)));
    }
    await chat(customer, ['Mo'], 1);
    await eventually(
      () => handle.describe(),
      (d) => d.runId !== firstRunId,
      30_000,
    );
    await chat(customer, ['book'], 2);
    expect(await handle.result()).toEqual({ outcome: 'booking_requested', turns: 3 });
    await record('carried-after-continue-as-new', customer, { runs: 2, skipRuns: 1 });
  }, 180_000);

  describe('on a bot version with short timeouts (3 s questions, 6 s session)', () => {
    beforeAll(() => publish(shortTimeouts(DEMO_BOT, 3, 6)));

    it('question-timeout: no answer to the first question; the timeout port says goodbye', async () => {
      await chat('27830000007', ['hi']);
      expect(await handleOf('27830000007').result()).toEqual({ outcome: 'timeout', turns: 2 });
      await record('question-timeout', '27830000007');
    });

    it('session-expired: waiting at a question without a timeout until the session expires', async () => {
      await chat('27830000008', ['hi', 'Kim', 'maybe']);
      expect(await handleOf('27830000008').result()).toEqual({ outcome: 'abandoned', turns: 4 });
      await record('session-expired', '27830000008');
    });
  });

  describe('on bots using effects, waits, hand-overs, debounce and version moves', () => {
    let greetings: Server;
    beforeAll(async () => {
      greetings = createServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"word":"Howzit"}'),
      );
      await new Promise<void>((resolve) => greetings.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => greetings.close(() => resolve())));

    it('effect-and-wait: an HTTP request activity, its answer in the reply, then a 1 s wait node', async () => {
      const { port } = greetings.address() as AddressInfo;
      await publish(featureBots.effectAndWait(`http://127.0.0.1:${port}/greeting`));
      await chat('27830000010', ['hi']);
      await product.say('27830000010', 'Zoe');
      await eventually(
        () => product.replies('27830000010'),
        (r) => r.length === 3,
      );
      expect(await handleOf('27830000010').result()).toEqual({ outcome: 'goal_reached', turns: 4 });
      await record('effect-and-wait', '27830000010');
    });

    it('handoff-released: the bot is silent during a hand-over, then goes on when released', async () => {
      await publish(featureBots.handoff());
      const customer = '27830000011';
      await chat(customer, ['I have a complaint']);
      await product.say(customer, 'hello??');
      await eventually(
        () => handleOf(customer).query(conversationStatusQuery),
        (s) => s.turn === 2,
      );
      await handleOf(customer).signal(releaseHandoffSignal, {});
      await eventually(
        () => product.replies(customer),
        (r) => r.length === 2,
      );
      await product.say(customer, 'no thanks');
      expect(await handleOf(customer).result()).toEqual({ outcome: 'goal_reached', turns: 4 });
      await record('handoff-released', customer);
    });

    it('handoff-agent-reply: "agent" hands over; a reply signalled twice is sent once; released at the menu', async () => {
      await publish(featureBots.humanKeywords());
      const customer = '27830000014';
      await chat(customer, ['hi', 'Ada', 'agent please']);
      await product.say(customer, 'hello?');
      const handle = handleOf(customer);
      const status = await eventually(
        () => handle.query(conversationStatusQuery),
        (s) => s.turn === 4,
      );
      const conversationId = status.conversationId ?? '';
      const reply = { id: 'reply-1', text: 'Hi Ada, Lee here.', agent: 'Lee', conversationId };
      await handle.signal(agentReplySignal, reply);
      await handle.signal(agentReplySignal, reply);
      await eventually(
        () => product.replies(customer),
        (r) => r.length === 4,
      );
      await handle.signal(releaseHandoffSignal, { conversationId, atNode: 'menu', releasedBy: 'Lee' });
      await eventually(
        () => product.replies(customer),
        (r) => r.length === 5,
      );
      await product.say(customer, 'nothing');
      expect(await handle.result()).toEqual({ outcome: 'served', turns: 7 });
      expect(product.replies(customer).map((r) => r.text)).toEqual([
        'Your name?',
        'Your city, Ada?',
        'A person from our team will reply here shortly.',
        'Hi Ada, Lee here.',
        'Main menu, Ada: what next?',
        'Noted: nothing.',
      ]);
      await record('handoff-agent-reply', customer);
    });

    it('handoff-quiet-release: a release with nothing to say (a wait follows) still tells the inbox', async () => {
      await publish(featureBots.quietRelease());
      const customer = '27830000015';
      await product.say(customer, 'call me back');
      const handle = handleOf(customer);
      await eventually(
        () => handle.query(conversationStatusQuery),
        (s) => s.turn === 1 && s.handoff !== null,
      );
      await handle.signal(releaseHandoffSignal, {});
      expect(await handle.result()).toEqual({ outcome: 'goal_reached', turns: 3 });
      expect(product.replies(customer).map((r) => r.text)).toEqual(['The bot is back.']);
      await record('handoff-quiet-release', customer);
    });

    it('debounced-burst: messages within the burst window form one turn', async () => {
      await publish(featureBots.twoQuestions('debounced', 1500));
      const customer = '27830000012';
      await chat(customer, ['hi']);
      for (const text of ['Sam', 'Durban']) await product.say(customer, text);
      expect(await handleOf(customer).result()).toEqual({ outcome: 'debounced', turns: 2 });
      expect(product.replies(customer)).toHaveLength(2);
      await record('debounced-burst', customer);
    });

    it('version-moved: a conversation moves to the new version at its next question', async () => {
      await publish(featureBots.twoQuestions('old'));
      const customer = '27830000013';
      await chat(customer, ['hi']);
      const moved = await publish(featureBots.twoQuestions('new'));
      await handleOf(customer).signal(moveToVersionSignal, moved);
      await chat(customer, ['Ada'], 1);
      expect(product.replies(customer)[1]?.text).toBe('(new) Your city, Ada?');
      await product.say(customer, 'Cape Town');
      expect(await handleOf(customer).result()).toEqual({ outcome: 'new', turns: 3 });
      await record('version-moved', customer);
    });
  });

  it("worker-probe: the operators' smoke test of the workflow path", async () => {
    const workflowId = `probe-${randomBytes(4).toString('hex')}`;
    await product.temporal.workflow.execute('workerProbe', { taskQueue: product.taskQueue, workflowId });
    const history = await product.temporal.workflow.getHandle(workflowId).fetchHistory();
    const file = new URL('worker-probe.json', HISTORIES);
    const options = await prettier.resolveConfig(file);
    await writeFile(file, await prettier.format(historyToJSON(history), { ...options, filepath: file.pathname }));
  });

  it('ingest-document / ingest-document-blocked: a document to ready, and a URL the SSRF guard refuses', async () => {
    const knowledgeBase = await product.db.knowledgeBase.create({
      data: {
        organisationId: product.organisationId,
        name: 'Recorded',
        embeddingModel: 'all-MiniLM-L6-v2',
        dimension: 384,
      },
    });
    const add = async (init: RequestInit & { path?: string }) => {
      const res = await fetch(`${product.apiUrl}/api/knowledge-bases/${knowledgeBase.id}/documents${init.path ?? ''}`, {
        ...init,
        headers: { authorization: `Bearer ${product.apiToken}`, ...init.headers },
      });
      return ((await res.json()) as { document: { id: string } }).document.id;
    };
    const uploaded = await add({
      path: '?filename=hours.md',
      method: 'POST',
      headers: { 'content-type': 'text/markdown' },
      body: '# Opening hours\n\nWe open at nine and close at five, every day but Sunday.\n',
    });
    const blocked = await add({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://169.254.169.254/latest/meta-data/' }),
    });
    for (const [name, documentId, result] of [
      ['ingest-document', uploaded, 'ready'],
      ['ingest-document-blocked', blocked, 'failed'],
    ] as const) {
      const handle = product.temporal.workflow.getHandle(ingestionWorkflowId(documentId));
      expect(await handle.result()).toBe(result);
      const file = new URL(`${name}.json`, HISTORIES);
      const options = await prettier.resolveConfig(file);
      const json = historyToJSON(await handle.fetchHistory());
      await writeFile(file, await prettier.format(json, { ...options, filepath: file.pathname }));
    }
  });

  it('unbound-number: no bot is bound to the number; the message is logged, not answered', async () => {
    await product.db.whatsappChannel.update({
      where: { phoneNumberId: product.phoneNumberId },
      data: { boundBotId: null },
    });
    await product.say('27830000009', 'hi');
    expect(await handleOf('27830000009').result()).toEqual({ outcome: 'unbound', turns: 0 });
    await record('unbound-number', '27830000009');
  });
});

const handleOf = (customer: string): WorkflowHandle<typeof conversation> =>
  product.temporal.workflow.getHandle(conversationWorkflowId(product.phoneNumberId, customer));

/** Says each text and waits for the bot's answer to it (every demo-bot answer is one message). */
async function chat(customer: string, texts: string[], repliesBefore = 0): Promise<void> {
  for (const [i, text] of texts.entries()) {
    await product.say(customer, text);
    await eventually(
      () => product.replies(customer),
      (r) => r.length === repliesBefore + i + 1,
    );
  }
}

/** The first signal the conversation took, to be sent again as a duplicate. */
async function signalArg(handle: WorkflowHandle): Promise<InboundSignal> {
  const history = await handle.fetchHistory();
  const payload = history.events?.find((e) => e.workflowExecutionSignaledEventAttributes)
    ?.workflowExecutionSignaledEventAttributes?.input?.payloads?.[0]?.data;
  if (!payload) throw new Error('no signal in the history');
  return JSON.parse(Buffer.from(payload).toString('utf8')) as InboundSignal;
}

async function whileWorkerDown(send: () => Promise<void>): Promise<void> {
  await product.worker.stop();
  try {
    await send();
  } finally {
    await product.worker.start();
  }
}

/** Waits until no workflow task is pending (nor a local activity running inside one) and returns the history. */
async function settled(customer: string, runId?: string): Promise<History> {
  const handle = product.temporal.workflow.getHandle(conversationWorkflowId(product.phoneNumberId, customer), runId);
  await eventually(
    () => handle.describe(),
    (d) => d.status.name !== 'RUNNING' || !d.raw.pendingWorkflowTask,
  );
  return handle.fetchHistory();
}

/**
 * Writes every run of the customer's conversation (oldest first, back along the continue-as-new chain) to
 * `<name>.json`, or `<name>.run<n>.json` when there are several, then terminates a run still going.
 */
async function record(name: string, customer: string, { runs = 1, skipRuns = 0 } = {}): Promise<void> {
  const workflowId = conversationWorkflowId(product.phoneNumberId, customer);
  const chain: History[] = [];
  let runId: string | undefined = (await product.temporal.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history = await settled(customer, runId);
    chain.unshift(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  expect(chain).toHaveLength(runs);
  for (const [i, history] of chain.entries()) {
    if (i < skipRuns) continue;
    const file = new URL(`${runs === 1 ? name : `${name}.run${i + 1}`}.json`, HISTORIES);
    const options = await prettier.resolveConfig(file);
    await writeFile(file, await prettier.format(historyToJSON(history), { ...options, filepath: file.pathname }));
  }
  const latest = product.temporal.workflow.getHandle(workflowId);
  if ((await latest.describe()).status.name === 'RUNNING') await latest.terminate('history recorded');
}

/** Publishes a new version of the product's bot: conversations opened from now on run it. */
async function publish(definition: BotDefinition): Promise<VersionMove> {
  const latest = await product.db.botVersion.findFirst({
    where: { botId: product.botId },
    orderBy: { version: 'desc' },
  });
  const version = await product.db.botVersion.create({
    data: {
      botId: product.botId,
      version: (latest?.version ?? 0) + 1,
      contentHash: contentHash(definition),
      definition: definition as unknown as Prisma.InputJsonObject,
    },
  });
  await product.db.bot.update({ where: { id: product.botId }, data: { currentVersionId: version.id } });
  return { botVersionId: version.id, version: version.version };
}

function shortTimeouts(bot: BotDefinition, questionSeconds: number, sessionSeconds: number): BotDefinition {
  const nodes = Object.fromEntries(
    Object.entries(bot.nodes).map(([id, node]) => [
      id,
      'timeoutSeconds' in node.options
        ? { ...node, options: { ...node.options, timeoutSeconds: questionSeconds } }
        : node,
    ]),
  );
  return { ...bot, nodes, settings: { ...bot.settings, sessionTimeoutSeconds: sessionSeconds } };
}
