import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { signPayload } from '@botflow/whatsapp';

export interface LoadOptions {
  url: string;
  appSecret: string;
  /** The business numbers written to; a customer always writes to the same one. */
  phoneNumberIds: string[];
  rate: number;
  durationS: number;
  /** 0: every message from a new customer; N: messages cycle over N returning customers. */
  customers: number;
  /** Customer numbers start here, so separate runs never share a customer. */
  firstCustomer: number;
  runTag: string;
}

export interface SentMessage {
  id: string;
  customer: string;
  phoneNumberId: string;
  sentAt: number;
  ackMs?: number;
  status?: number;
}

/** The business number the n-th customer of a run writes to, always the same one. */
export function numberOfCustomer(n: number, phoneNumberIds: string[]): string {
  return phoneNumberIds[n % phoneNumberIds.length] ?? '';
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

/** Open loop: message i leaves at t0 + i/rate whatever the server is doing, as customers do. */
export async function offerLoad(options: LoadOptions): Promise<SentMessage[]> {
  const total = Math.round(options.rate * options.durationS);
  const sent: SentMessage[] = [];
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const n = options.customers > 0 ? i % options.customers : i;
    const message: SentMessage = {
      id: `wamid.bench${options.runTag}${i.toString(36)}${randomBytes(3).toString('hex')}`,
      customer: String(options.firstCustomer + n),
      phoneNumberId: numberOfCustomer(n, options.phoneNumberIds),
      sentAt: performance.now(),
    };
    sent.push(message);
    pending.push(post(options, message));
  }
  await Promise.all(pending);
  return sent;
}

function post(options: LoadOptions, message: SentMessage): Promise<void> {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'bench-waba',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '+15550009999', phone_number_id: message.phoneNumberId },
              contacts: [{ profile: { name: 'Bench' }, wa_id: message.customer }],
              messages: [
                {
                  from: message.customer,
                  id: message.id,
                  timestamp: `${Math.floor(Date.now() / 1000)}`,
                  type: 'text',
                  text: { body: 'hello' },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  return new Promise((resolve) => {
    const req = request(
      options.url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(body, options.appSecret) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          message.ackMs = performance.now() - message.sentAt;
          message.status = res.statusCode ?? 0;
          resolve();
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => {
      message.status = 0;
      resolve();
    });
    req.end(body);
  });
}
