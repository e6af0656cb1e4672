import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Graph-API-shaped sink: answers sends like Meta and records, per inbound message id quoted in
 * `context.message_id`, when each reply arrived. Two arrivals for one id are a duplicate reply.
 */
export async function startSink(token: string) {
  const arrivals = new Map<string, number[]>();
  let sends = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":190,"message":"bad token"}}');
        return;
      }
      sends += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        to?: string;
        context?: { message_id?: string };
      };
      const id = body.context?.message_id;
      if (id) arrivals.set(id, [...(arrivals.get(id) ?? []), at]);
      const wamid = `wamid.sink${sends.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id: wamid }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    port: (server.address() as AddressInfo).port,
    arrivals,
    get sends() {
      return sends;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Sink = Awaited<ReturnType<typeof startSink>>;
