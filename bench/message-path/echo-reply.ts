import { request, type Agent } from 'node:http';

export interface EchoReply {
  sinkUrl: string;
  token: string;
  phoneNumberId: string;
  /** The customer, and the message the reply quotes (the sink times replies by it). */
  to: string;
  messageId: string;
}

/** The baselines' reply: one text message to the Graph-API-shaped sink; rejects unless the sink answers 200. */
export function sendEchoReply(agent: Agent, reply: EchoReply): Promise<void> {
  const body = JSON.stringify({
    messaging_product: 'whatsapp',
    to: reply.to,
    type: 'text',
    text: { body: 'hi' },
    context: { message_id: reply.messageId },
  });
  return new Promise((resolve, reject) => {
    const out = request(`${reply.sinkUrl}/v23.0/${reply.phoneNumberId}/messages`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reply.token}` },
    });
    out.on('response', (r) => {
      r.resume();
      r.on('end', () => (r.statusCode === 200 ? resolve() : reject(new Error(`sink answered ${r.statusCode}`))));
    });
    out.on('error', reject);
    out.end(body);
  });
}
