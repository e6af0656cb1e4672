import { createServer, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@botflow/whatsapp';
import { sendEchoReply } from './echo-reply.ts';

/**
 * The stateless baseline, measured on the same machine in the same run: an HTTP server that checks
 * the signature, acknowledges, and sends the reply straight to the sink. No durability, no database, no Temporal:
 * what a stateless echo bot would cost.
 */
export async function startBaseline(appSecret: string, sinkUrl: string, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verifySignature(raw, req.headers['x-hub-signature-256'] as string | undefined, appSecret)) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200).end();
      const body = JSON.parse(raw.toString('utf8')) as {
        entry: {
          changes: { value: { metadata: { phone_number_id: string }; messages: { id: string; from: string }[] } }[];
        }[];
      };
      const value = body.entry[0]?.changes[0]?.value;
      const message = value?.messages[0];
      if (!value || !message) return;
      sendEchoReply(agent, {
        sinkUrl,
        token,
        phoneNumberId: value.metadata.phone_number_id,
        to: message.from,
        messageId: message.id,
      }).catch(() => {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
