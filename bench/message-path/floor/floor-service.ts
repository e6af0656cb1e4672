// The Temporal floor, one process: a webhook endpoint that checks the signature and signals-with-start a
// floorConversation per customer (acknowledging once Temporal has it), and a worker whose local activity sends the
// reply to the Graph-API sink. Started by run.ts; its CPU next to the product's is the price of BotFlow's own work.
import { createServer, Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { verifySignature } from '@botflow/whatsapp';
import { sendEchoReply } from '../echo-reply.ts';
import type { FloorMessage } from './floor-workflow.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const taskQueue = env('FLOOR_TASK_QUEUE');
const appSecret = env('FLOOR_APP_SECRET');
const sinkUrl = env('FLOOR_SINK_URL');
const token = env('FLOOR_TOKEN');
const port = Number(env('FLOOR_PORT'));

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const send = (m: FloorMessage) =>
  sendEchoReply(agent, { sinkUrl, token, phoneNumberId: m.phoneNumberId, to: m.from, messageId: m.id });

const workflowBundle = await bundleWorkflowCode({
  workflowsPath: fileURLToPath(new URL('./floor-workflow.ts', import.meta.url)),
});
const worker = await Worker.create({
  connection: await NativeConnection.connect({ address }),
  taskQueue,
  workflowBundle,
  activities: {
    async replyToAll(messages: FloorMessage[]) {
      for (const m of messages) await send(m);
    },
  },
});
const client = new Client({ connection: await Connection.connect({ address }) });

interface Webhook {
  entry?: {
    changes?: { value?: { metadata?: { phone_number_id?: string }; messages?: { id: string; from: string }[] } }[];
  }[];
}

const server = createServer((req, res) => {
  if (req.method === 'GET') return void res.writeHead(200).end('ok');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    if (!verifySignature(raw, req.headers['x-hub-signature-256'] as string | undefined, appSecret)) {
      return void res.writeHead(401).end();
    }
    const messages = ((JSON.parse(raw.toString('utf8')) as Webhook).entry ?? []).flatMap((e) =>
      (e.changes ?? []).flatMap((c) =>
        (c.value?.messages ?? []).map((m) => ({
          id: m.id,
          from: m.from,
          phoneNumberId: c.value?.metadata?.phone_number_id ?? '',
        })),
      ),
    );
    Promise.all(
      messages.map((m) =>
        client.workflow.signalWithStart('floorConversation', {
          workflowId: `floor:${m.phoneNumberId}:${m.from}`,
          taskQueue,
          signal: 'floorMessage',
          signalArgs: [m],
        }),
      ),
    ).then(
      () => res.writeHead(200).end(),
      () => res.writeHead(503).end(),
    );
  });
});
server.listen(port, '127.0.0.1');

const stop = () => {
  server.close();
  worker.shutdown();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
await worker.run();
await client.connection.close();
