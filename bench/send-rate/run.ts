// Send-rate benchmark: WhatsApp's per-number throughput limit, held by the Redis-shared pacing of every worker.
// Worker processes send through the real activity path (deliverTurn: intents in PostgreSQL, slots in Redis, the
// Graph API client) to the emulator, run as its own process with Meta's 130429 limit on; the emulator counts what it
// accepted in every 1,000 ms. Prints a markdown table.
//   node bench/send-rate/run.ts [--rate 80] [--duration 20] [--workers 2] [--guard 50]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ConversationRef } from '@botflow/contracts';
import { startEmulatorProcess, startSendFixture } from '../../activities/src/rate-limit/send-fixture.ts';
import { percentile } from '../message-path/stats.ts';
import type { SendRecord, WorkerJob } from './worker.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '80' },
    duration: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    guard: { type: 'string', default: '50' },
  },
});
const rate = Number(args.rate);
const durationS = Number(args.duration);
const workers = Math.max(1, Number(args.workers));
const guardMs = Number(args.guard);
const limits = { perSecond: rate, guardMs, pairBurst: 45, pairIntervalMs: 6000 };

interface Scenario {
  name: string;
  count: number;
  /** Offered per second in all; 0: all at once. */
  offeredPerS: number;
  paced: boolean;
}
const scenarios: Scenario[] = [
  { name: `${rate}/s for ${durationS} s`, count: rate * durationS, offeredPerS: rate, paced: true },
  { name: `burst of ${rate * 10} at once (10× a second's worth)`, count: rate * 10, offeredPerS: 0, paced: true },
  { name: `${rate}/s for ${durationS} s, pacing off`, count: rate * durationS, offeredPerS: rate, paced: false },
];

const fixture = await startSendFixture({ customers: scenarios.reduce((n, s) => n + s.count, 0) });
const emulator = await startEmulatorProcess(fixture);
await emulator.control('/_emulator/limits', { throughputPerSecond: rate });
const jobs = mkdtempSync(join(tmpdir(), 'send-rate-'));

interface Row {
  scenario: Scenario;
  accepted: number;
  maxInAnyOneSecond: number;
  /** The same, by the workers' clocks when they made the calls. */
  maxSentInAnyOneSecond: number;
  refused130429: number;
  achievedPerS: number | null;
  queueMs: { p50: number | null; p99: number | null; max: number | null };
  retried: number;
  lost: number;
  duplicated: number;
}
const rows: Row[] = [];
let next = 0;
try {
  for (const [index, scenario] of scenarios.entries()) {
    const conversations = fixture.conversations.slice(next, next + scenario.count);
    next += scenario.count;
    rows.push(await measure(scenario, conversations, `s${index}`));
    console.error(JSON.stringify(rows.at(-1)));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the number's slots drain
  }
} finally {
  await emulator.stop();
  await fixture.close();
}
printTable();

async function measure(scenario: Scenario, conversations: ConversationRef[], tag: string): Promise<Row> {
  await fetch(`${emulator.url}/_emulator/throughput`, { method: 'DELETE' });
  const refusedBefore = (await emulator.control<{ throughputRejections: number }>('/_emulator/limits'))
    .throughputRejections;
  const startAt = Date.now() + 3000; // every worker has loaded by then
  const shares = Array.from({ length: workers }, (_, w) => conversations.filter((_, i) => i % workers === w));
  const records = (
    await Promise.all(
      shares.map((share, w) =>
        runWorker({
          databaseUrl: fixture.database.url,
          redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6380',
          graphUrl: emulator.url,
          secretsKey: fixture.secretsKey,
          limits: scenario.paced ? limits : null,
          maxWaitMs: 5000,
          startAt: startAt + (scenario.offeredPerS > 0 ? (w * 1000) / scenario.offeredPerS : 0),
          rate: scenario.offeredPerS / workers,
          turnTag: tag,
          conversations: share,
        }),
      ),
    )
  ).flat();

  const meter = (
    await emulator.control<{ byPhoneNumber: Record<string, { accepted: number; maxInAnyOneSecond: number }> }>(
      '/_emulator/throughput',
    )
  ).byPhoneNumber[fixture.phoneNumberId] ?? { accepted: 0, maxInAnyOneSecond: 0 };
  const refused =
    (await emulator.control<{ throughputRejections: number }>('/_emulator/limits')).throughputRejections -
    refusedBefore;
  const [db] = await fixture.db.$queryRaw<{ sent: bigint; distinct: bigint }[]>`
    SELECT count(wamid) AS sent, count(DISTINCT wamid) AS distinct FROM messages
    WHERE idempotency_key LIKE ${`%:${tag}:0`}`;
  const sent = records.filter((r) => r.sentAt !== null);
  const queue = sent.map((r) => (r.sentAt ?? 0) - r.offeredAt);
  const first = Math.min(...sent.map((r) => r.sentAt ?? Infinity));
  const last = Math.max(...sent.map((r) => r.sentAt ?? 0));
  return {
    scenario,
    accepted: meter.accepted,
    maxInAnyOneSecond: meter.maxInAnyOneSecond,
    maxSentInAnyOneSecond: busiestSecond(sent.map((r) => r.sentAt ?? 0)),
    refused130429: refused,
    achievedPerS: round1(sent.length / Math.max(1, (last - first) / 1000)),
    queueMs: {
      p50: round1(percentile(queue, 50)),
      p99: round1(percentile(queue, 99)),
      max: round1(Math.max(...queue)),
    },
    retried: records.filter((r) => r.attempts > 1).length,
    lost: scenario.count - Number(db?.sent ?? 0),
    // Meta accepted more messages than there are intents: some intent went out twice.
    duplicated: Math.max(0, meter.accepted - Number(db?.distinct ?? 0)),
  };
}

function runWorker(job: WorkerJob): Promise<SendRecord[]> {
  const file = join(jobs, `${job.turnTag}-${job.startAt}-${job.conversations[0]?.id ?? 'none'}.json`);
  writeFileSync(file, JSON.stringify(job));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL('./worker.ts', import.meta.url).pathname, file], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`send-rate worker exited ${code}: ${err}`));
      resolve(JSON.parse(out) as SendRecord[]);
    });
  });
}

function printTable(): void {
  const fmt = (v: number | null) => (v === null ? '–' : String(v));
  console.log(
    `\nSend rate to one number: limit ${rate}/s (guard ${guardMs} ms), ${workers} worker processes sharing Redis, Meta's 130429 on at ${rate}/s`,
  );
  console.log(
    '| offered | accepted by Meta | most in any 1,000 ms at Meta / as sent | 130429 refusals | achieved/s | queueing delay p50 / p99 / max ms | retried later | lost | dup |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.scenario.name} | ${r.accepted} | ${r.maxInAnyOneSecond} / ${r.maxSentInAnyOneSecond} | ${r.refused130429} | ${fmt(r.achievedPerS)} | ${fmt(r.queueMs.p50)} / ${fmt(r.queueMs.p99)} / ${fmt(r.queueMs.max)} | ${r.retried} | ${r.lost} | ${r.duplicated} |`,
    );
  }
}

function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] ?? 0) <= (sorted[i] ?? 0) - 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function round1(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10;
}
