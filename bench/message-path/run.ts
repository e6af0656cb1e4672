// Message-path benchmark: signed webhooks at an offered rate through the real stack (API → Temporal → worker →
// Graph-API sink), against a stateless baseline measured in the same run. Run with `npm run bench`.
//   node bench/message-path/run.ts [--rates 20,40,60,80] [--duration 20] [--customers 0|N] [--numbers 4] [--no-baseline]
//   [--no-floor]: skip the Temporal floor (floor/floor-service.ts), the bare workflow of the same shape
//   node bench/message-path/run.ts --serve --graph-url http://127.0.0.1:8081   (for an external load generator)
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { createPrismaClient } from '@botflow/db';
import { createTestDatabase } from '@botflow/db/testing';
import { secretBoxFromConfig } from '@botflow/secrets';
import { seedDemo } from '../../services/api/src/demo/seed-demo.ts';
import { startBaseline } from './baseline.ts';
import { ECHO_BOT } from './bench-bot.ts';
import { numberOfCustomer, offerLoad, type SentMessage } from './load.ts';
import { CpuMeter, pidFromFile, pidsNamed, processTreeCpuMs, startService, stopService } from './processes.ts';
import { startSink, type Sink } from './sink.ts';
import { figures, type RunFigures } from './stats.ts';
import { terminateTaskQueue } from '../../tests/e2e/terminate-task-queue.ts';
import { freePort } from '../../tests/e2e/worker-process.ts';

const { values: args } = parseArgs({
  options: {
    rates: { type: 'string', default: '20,40,60,80' },
    duration: { type: 'string', default: '20' },
    customers: { type: 'string', default: '0' },
    numbers: { type: 'string', default: '4' },
    'no-baseline': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    'graph-url': { type: 'string' },
    repeat: { type: 'string', default: '1' },
  },
});
const rates = args.rates.split(',').map(Number);
const durationS = Number(args.duration);
const customers = Number(args.customers);
/** Each rate runs this many times; the table shows the median of every figure (the machine is shared and noisy). */
const repeat = Math.max(1, Number(args.repeat));
const TOKEN = 'bench-token';
const APP_SECRET = 'bench-app-secret';
const data = process.env.BOTFLOW_DATA ?? '';

const suffix = randomBytes(3).toString('hex');
/** Customer numbers are never reused between runs: a reused one would find its old conversation. */
let nextCustomer = 900_000_000_000 + Math.floor(Math.random() * 1e9) * 100;
/** Returning customers are one pool for the whole run, whose conversations the warm-up opens. */
const returningPool = nextCustomer;
nextCustomer += customers;
/** Conversations whose history is read to count events per turn. */
const SAMPLED_CONVERSATIONS = 20;
/** temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_RUNNING */
const BATCH_OPERATION_STATE_RUNNING = 1;
/**
 * The load is spread over several business numbers bound to the same bot: Meta caps one number at 80 msgs/s and the
 * worker paces each number just below that, so one number would measure Meta's cap rather than BotFlow.
 */
const phoneNumberIds = Array.from(
  { length: Math.max(1, Number(args.numbers)) },
  (_, i) => `3${Date.now().toString().slice(-9)}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${i}`,
);
const phoneNumberId = phoneNumberIds[0] ?? '';
const taskQueue = `bench-${suffix}`;
const secretsKey = `bench:${randomBytes(32).toString('base64')}`;

const database = await createTestDatabase();
const db = createPrismaClient(database.url);
const secrets = secretBoxFromConfig(secretsKey);
for (const [i, id] of phoneNumberIds.entries()) {
  await seedDemo(
    db,
    secrets,
    {
      phoneNumberId: id,
      wabaId: 'bench-waba',
      displayPhoneNumber: `+1555000${String(9999 - i).padStart(4, '0')}`,
      accessToken: TOKEN,
      appSecret: APP_SECRET,
      verifyToken: 'bench-verify',
    },
    { organisationId: `org_bench_${suffix}`, botId: `bot_bench_${suffix}` },
    ECHO_BOT,
  );
}

const sink = await startSink(TOKEN);
const apiPort = await freePort();
const workerPort = await freePort();
const common = { DATABASE_URL: database.url, TEMPORAL_TASK_QUEUE: taskQueue, BOTFLOW_SECRETS_KEY: secretsKey };
const worker = await startService(
  'services/worker/src/main.ts',
  {
    ...common,
    NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS ?? '',
    WORKER_HEALTH_PORT: String(workerPort),
    GRAPH_API_BASE_URL: args['graph-url'] ?? sink.url,
  },
  `http://127.0.0.1:${workerPort}/health/live`,
);
const api = await startService(
  'services/api/src/main.ts',
  {
    ...common,
    NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS ?? '',
    API_PORT: String(apiPort),
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'bench-verify',
  },
  `http://127.0.0.1:${apiPort}/health/live`,
);
const apiUrl = `http://127.0.0.1:${apiPort}/webhooks/whatsapp`;

const postmaster = pidFromFile(`${process.env.PG_DATA ?? ''}/postmaster.pid`)[0];
const meter = new CpuMeter({
  api: api.pid ? [api.pid] : [],
  worker: worker.pid ? [worker.pid] : [],
  temporal: pidFromFile(`${data}/temporal.pid`),
  postgres: () => processTreeCpuMs(postmaster),
  kafka: pidFromFile(`${data}/kafka.pid`),
  redis: pidsNamed('redis-server'),
});
const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
const temporal = new Client({ connection });

const rows: {
  rate: number;
  product: RunFigures;
  baseline?: RunFigures;
  cpuMsPerMessage: Record<string, number>;
  eventsPerTurn: number | null;
  floor?: { figures: RunFigures; cpuMsPerMessage: Record<string, number> };
}[] = [];

if (args.serve) {
  console.log(
    JSON.stringify({
      ready: true,
      apiPort,
      path: '/webhooks/whatsapp',
      phoneNumberId,
      appSecret: APP_SECRET,
      apiPid: api.pid,
      workerPid: worker.pid,
    }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
} else {
  await measure();
}
await stopService(api);
await stopService(worker);
await sink.close();
await terminateTaskQueue(temporal, taskQueue);
await connection.close();
await db.$disconnect();
await database.drop().catch((err: unknown) => console.error(`could not drop ${database.name}: ${String(err)}`));

async function measure(): Promise<void> {
  const floor = args['no-floor'] ? null : await startFloor();
  await batchJobsFinished();
  await warmUp(apiUrl, 'w', sink);
  if (floor) await warmUp(floor.url, 'fw', floor.sink);

  // The product and the floor take turns, run by run, so both meet the same moments of a shared, noisy machine.
  for (const [index, rate] of rates.entries()) {
    const repeats: (typeof rows)[number][] = [];
    const floorRepeats: NonNullable<(typeof rows)[number]['floor']>[] = [];
    for (let r = 0; r < repeat; r++) {
      const historyBefore = await sampleHistoryLengths();
      const before = meter.sample();
      const { sent, result } = await drive(apiUrl, rate, durationS, `r${index}.${r}`, sink);
      const cpuMsPerMessage = cpuPerMessage(before, meter.sample(), result.acked);
      const events = await eventsPerTurn(sent, historyBefore);
      repeats.push({ rate, product: result, cpuMsPerMessage, eventsPerTurn: events });
      console.error(`rate ${rate}/s #${r + 1}: ${JSON.stringify(result)} cpu ${JSON.stringify(cpuMsPerMessage)}`);
      if (!floor) continue;
      const floorBefore = floor.meter.sample();
      const { result: floorResult } = await drive(floor.url, rate, durationS, `f${index}.${r}`, floor.sink);
      const floorCpu = cpuPerMessage(floorBefore, floor.meter.sample(), floorResult.acked);
      floorRepeats.push({ figures: floorResult, cpuMsPerMessage: floorCpu });
      console.error(`floor ${rate}/s #${r + 1}: ${JSON.stringify(floorResult)} cpu ${JSON.stringify(floorCpu)}`);
    }
    const row = medianRow(repeats);
    if (floor) row.floor = medianOf(floorRepeats) as (typeof floorRepeats)[number];
    rows.push(row);
  }
  await floor?.stop();

  if (!args['no-baseline']) {
    const baselineSink = await startSink(TOKEN);
    const baseline = await startBaseline(APP_SECRET, baselineSink.url, TOKEN);
    for (const [index, rate] of rates.entries()) {
      const { result } = await drive(baseline.url, rate, Math.min(durationS, 10), `b${index}`, baselineSink);
      const row = rows[index];
      if (row) row.baseline = result;
    }
    await baseline.close();
    await baselineSink.close();
  }

  printTable();
}

function cpuPerMessage(before: Record<string, number>, after: Record<string, number>, acked: number) {
  return Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, round1((v - (before[k] ?? 0)) / Math.max(1, acked))]),
  );
}

/** The Temporal floor (floor/floor-service.ts): the bare workflow of the same shape, and nothing of BotFlow's. */
async function startFloor() {
  const floorSink = await startSink(TOKEN);
  const floorPort = await freePort();
  const floorQueue = `${taskQueue}-floor`;
  const service = await startService(
    'bench/message-path/floor/floor-service.ts',
    {
      FLOOR_TASK_QUEUE: floorQueue,
      FLOOR_APP_SECRET: APP_SECRET,
      FLOOR_SINK_URL: floorSink.url,
      FLOOR_TOKEN: TOKEN,
      FLOOR_PORT: String(floorPort),
    },
    `http://127.0.0.1:${floorPort}/`,
  );
  return {
    url: `http://127.0.0.1:${floorPort}/webhooks/whatsapp`,
    sink: floorSink,
    meter: new CpuMeter({ temporal: pidFromFile(`${data}/temporal.pid`), app: service.pid ? [service.pid] : [] }),
    async stop() {
      await stopService(service);
      await floorSink.close();
      await terminateTaskQueue(temporal, floorQueue);
    },
  };
}

/** An earlier run's clean-up (terminating its conversations) runs inside Temporal: it must not count as this run's. */
async function batchJobsFinished(): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const { operationInfo } = await temporal.workflowService.listBatchOperations({
      namespace: temporal.options.namespace,
    });
    if (!operationInfo.some((o) => Number(o.state) === BATCH_OPERATION_STATE_RUNNING)) return;
    await new Promise((r) => setTimeout(r, 2000));
  }
  console.error('an earlier batch job is still running: figures may include its work');
}

/**
 * JIT, connection pools, the worker's cache; with returning customers, one message from each, so that every measured
 * message is a further turn of a running conversation.
 */
function warmUp(url: string, tag: string, into: Sink) {
  return customers > 0 ? drive(url, 20, customers / 20, tag, into) : drive(url, 10, 5, tag, into);
}

async function drive(url: string, rate: number, seconds: number, tag: string, into: Sink) {
  const firstCustomer = customers > 0 ? returningPool : nextCustomer;
  if (customers === 0) nextCustomer += Math.round(rate * seconds);
  const sent = await offerLoad({
    firstCustomer,
    url,
    appSecret: APP_SECRET,
    phoneNumberIds,
    rate,
    durationS: seconds,
    customers,
    runTag: `${suffix}${tag}`,
  });
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline && sent.some((m) => m.status === 200 && !into.arrivals.has(m.id))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return { sent, result: figures(rate, sent, into, seconds) };
}

/** Returning customers' conversations already have history: their length before a run, to count only its events. */
async function sampleHistoryLengths(): Promise<Map<string, number>> {
  const lengths = new Map<string, number>();
  for (let i = 0; i < Math.min(customers, SAMPLED_CONVERSATIONS); i++) {
    const customer = String(returningPool + i);
    const workflowId = `conv:${numberOfCustomer(i, phoneNumberIds)}:${customer}`;
    const description = await temporal.workflow
      .getHandle(workflowId)
      .describe()
      .catch(() => null);
    if (description) lengths.set(workflowId, description.historyLength);
  }
  return lengths;
}

/** History events per customer message, from a sample of this run's conversations. */
async function eventsPerTurn(sent: SentMessage[], before: Map<string, number>): Promise<number | null> {
  const byConversation = Map.groupBy(
    sent.filter((m) => m.status === 200),
    (m) => `conv:${m.phoneNumberId}:${m.customer}`,
  );
  let events = 0;
  let turns = 0;
  for (const [workflowId, messages] of [...byConversation].slice(0, SAMPLED_CONVERSATIONS)) {
    const description = await temporal.workflow
      .getHandle(workflowId)
      .describe()
      .catch(() => null);
    if (!description) continue;
    events += description.historyLength - (before.get(workflowId) ?? 0);
    turns += messages.length;
  }
  return turns === 0 ? null : round1(events / turns);
}

function printTable(): void {
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));
  console.log(
    `\nMessage path, ${customers === 0 ? 'a new customer per message' : `${customers} returning customers`}, ${phoneNumberIds.length} business numbers, ${durationS} s per rate, median of ${repeat} runs`,
  );
  console.log(
    '| offered/s | achieved/s | ack p50/p95/p99 ms | reply p50/p95/p99 ms | lost | dup | shed (503) | events/turn | CPU ms/msg: temporal, worker, api, postgres, kafka | baseline reply p50 ms | reply p50 ÷ baseline |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const p = r.product;
    const c = r.cpuMsPerMessage;
    const ratio = r.baseline?.replyMs.p50 && p.replyMs.p50 ? round1(p.replyMs.p50 / r.baseline.replyMs.p50) : null;
    console.log(
      `| ${r.rate} | ${p.achievedPerS} | ${fmt(p.ackMs.p50)} / ${fmt(p.ackMs.p95)} / ${fmt(p.ackMs.p99)} | ${fmt(p.replyMs.p50)} / ${fmt(p.replyMs.p95)} / ${fmt(p.replyMs.p99)} | ${p.lost} | ${p.duplicated} | ${p.shed} | ${fmt(r.eventsPerTurn)} | ${c.temporal}, ${c.worker}, ${c.api}, ${c.postgres}, ${c.kafka} | ${fmt(r.baseline?.replyMs.p50)} | ${fmt(ratio)} |`,
    );
  }
  if (!rows.some((r) => r.floor)) return;
  console.log(
    '\nTemporal floor, same load, same run (a bare workflow of the same shape: signal-with-start, one local activity that sends, a session timer)',
  );
  console.log(
    '| offered/s | achieved/s | ack p50/p95/p99 ms | reply p50/p95/p99 ms | lost | CPU ms/msg: temporal, floor app | product CPU ÷ floor CPU |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    if (!r.floor) continue;
    const p = r.floor.figures;
    const c = r.floor.cpuMsPerMessage;
    const sum = (values: (number | undefined)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);
    const product = sum(Object.values(r.cpuMsPerMessage));
    const floorTotal = sum([c.temporal, c.app]);
    console.log(
      `| ${r.rate} | ${p.achievedPerS} | ${fmt(p.ackMs.p50)} / ${fmt(p.ackMs.p95)} / ${fmt(p.ackMs.p99)} | ${fmt(p.replyMs.p50)} / ${fmt(p.replyMs.p95)} / ${fmt(p.replyMs.p99)} | ${p.lost} | ${c.temporal}, ${c.app} | ${floorTotal > 0 ? round1(product / floorTotal) : '–'} |`,
    );
  }
}

function medianRow(runs: (typeof rows)[number][]): (typeof rows)[number] {
  const first = runs[0];
  if (!first || runs.length === 1) return first ?? ({} as never);
  return medianOf(runs) as (typeof rows)[number];
}

/** Field by field median of objects of the same shape (numbers only; other values from the first). */
function medianOf(values: unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') {
    const sorted = (values as number[]).filter((v) => typeof v === 'number').sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
  }
  if (first !== null && typeof first === 'object') {
    return Object.fromEntries(
      Object.keys(first).map((k) => [k, medianOf(values.map((v) => (v as Record<string, unknown>)[k]))]),
    );
  }
  return first;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
