import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@botflow/db';
import { createLogger } from '@botflow/service-kit';
import { workerProbe } from '@botflow/workflows';
import { loadWorkerConfig } from './config.ts';
import { createWorker } from './worker.ts';

const taskQueue = `test-worker-${process.pid}-${Date.now()}`;
const config = loadWorkerConfig({
  ...process.env,
  TEMPORAL_TASK_QUEUE: taskQueue,
  BOTFLOW_SECRETS_KEY: `test:${Buffer.alloc(32).toString('base64')}`,
});
let nativeConnection: NativeConnection;
let connection: Connection;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  nativeConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  // The probe touches neither the database nor the Graph API: these dependencies are wired but never called.
  const db = createPrismaClient(process.env.DATABASE_URL ?? '');
  const sender = { reconcileGraceMs: 0, send: () => Promise.reject(new Error('not used by the probe')) };
  worker = await createWorker(config, nativeConnection, { db, sender, log: createLogger('test', 'silent') });
  running = worker.run();
});

afterAll(async () => {
  worker.shutdown();
  await running;
  await connection.close();
  await nativeConnection.close();
});

describe('worker on the real Temporal server', () => {
  it('runs a workflow and its activity to completion', async () => {
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const handle = await client.workflow.start(workerProbe, { taskQueue, workflowId: `probe:${taskQueue}` });
    const result = await handle.result();
    expect(result).toEqual({ worker: `botflow-worker@${process.pid}`, taskQueue });
    const history = await handle.fetchHistory();
    expect(history.events?.length).toBeGreaterThan(0);
  });
});
