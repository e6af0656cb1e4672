import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { compileGraph, NODE_CATALOGUE } from '@botflow/graph/catalogue';
import { eventually, useProduct, type Product } from './product.ts';
import { TOUR_OUTCOME, TOUR_WEBHOOK_SECRET_REF, tourGraph } from './tour-graph.ts';
import { startTourServer, type TourServer } from './tour-server.ts';

const WEBHOOK_SECRET = 'e2e-tour-webhook-signing-secret';
const customer = '27820000301';

let server: TourServer | undefined;
const product = useProduct(async () => {
  server = await startTourServer(WEBHOOK_SECRET);
  const compiled = compileGraph(tourGraph(server.host));
  if (!compiled.ok) throw new Error(`the tour graph does not compile: ${JSON.stringify(compiled.problems)}`);
  return {
    definition: compiled.definition,
    workerEnv: { WEBHOOK_SECRETS: JSON.stringify({ [TOUR_WEBHOOK_SECRET_REF]: WEBHOOK_SECRET }) },
  };
});
afterAll(() => server?.close());

const local = (): TourServer => {
  if (!server) throw new Error('the local server did not start (see beforeAll)');
  return server;
};

/** One line per message the bot sent, whatever its kind, as the customer would see it. */
function shown({ type, message }: ReturnType<Product['sent']>[number]): string {
  const m = message as Record<string, Record<string, unknown> | undefined>;
  if (type === 'text') return String(m.text?.body);
  if (type === 'image') return `[image ${String(m.image?.link)}] ${String(m.image?.caption)}`;
  if (type === 'template') {
    const template = m.template as { name: string; language: { code: string }; components?: unknown[] };
    return `[template ${template.name} ${template.language.code}] ${JSON.stringify(template.components)}`;
  }
  const interactive = m.interactive as {
    type: string;
    body: { text: string };
    action: { buttons?: { reply: { title: string } }[]; button?: string };
  };
  const options = interactive.action.buttons?.map((b) => b.reply.title).join(' / ') ?? interactive.action.button;
  return `[${interactive.type}${options ? `: ${options}` : ''}] ${interactive.body.text}`;
}

/** The customer sends one message; resolves with the replies it gets once there are `count` of them. */
async function turn(input: string | Record<string, unknown>, count: number): Promise<string[]> {
  const before = product().sent(customer).length;
  await product().say(customer, input);
  const all = await eventually(
    () => product().sent(customer),
    (sent) => sent.length >= before + count,
  );
  return all.slice(before).map(shown);
}

async function conversationApi(path: string, method = 'GET'): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${product().apiUrl}/api/conversations/${path}`, {
    method,
    headers: { authorization: `Bearer ${product().apiToken}` },
  });
  return { status: res.status, body: await res.json() };
}

describe('a bot using every node type runs end to end through the emulator', () => {
  it('uses every node type the catalogue has', () => {
    const used = new Set(tourGraph('127.0.0.1:1').nodes.map((n) => n.type));
    expect(NODE_CATALOGUE.map((t) => t.type).filter((type) => !used.has(type))).toEqual([]);
  });

  it('takes one customer through the whole tour, to its outcome', async () => {
    // WhatsApp: every kind of message, then the first question.
    expect(await turn('hi', 6)).toEqual([
      'Welcome to the Sunny Guesthouse tour!',
      '[button: Rooms / Tours] Here is what we offer.',
      '[list: See rooms] Our rooms',
      '[image https://media.example.com/guesthouse.jpg] The Sunny Guesthouse',
      '[template tour_welcome en_US] [{"type":"body","parameters":[{"type":"text","text":"Sunny Guesthouse"}]}]',
      "What's your name?",
    ]);

    // Input: each validated question gets a wrong answer first.
    expect(await turn('Thandi', 1)).toEqual(['[button: Basic / Premium] Which plan, Thandi?']);
    expect(await turn('maybe', 1)).toEqual(['[button: Basic / Premium] Please tap one of the buttons.']);
    expect(await turn({ buttonReply: { id: 'premium', title: 'Premium' } }, 1)).toEqual(['[list: Rooms] Which room?']);
    expect(await turn('the cellar', 1)).toEqual(['[list: Rooms] Please choose one of the options in the list.']);
    expect(await turn({ listReply: { id: 'sea', title: 'Sea view' } }, 1)).toEqual(['How many guests?']);
    expect(await turn('lots', 1)).toEqual(['Please answer with a whole number from 1 to 10.']);
    expect(await turn('4', 1)).toEqual(['Your email address?']);
    expect(await turn('thandi at example', 1)).toEqual([
      'That does not look like an email address. Please try again, e.g. name@example.com.',
    ]);
    expect(await turn('Thandi@Example.com', 1)).toEqual(['Your phone number?']);
    expect(await turn('123', 1)).toEqual(['That does not look like a phone number. Please try again.']);
    expect(await turn('082 123 4567', 1)).toEqual(['When do you arrive?']);
    expect(await turn('whenever', 1)).toEqual([
      'Please write a date and a time that is not in the past, e.g. tomorrow at 3pm or 5 March 14:00.',
    ]);
    expect(await turn('7 January 2031 at 10:00', 1)).toEqual(['[location_request_message] Where are you now?']);
    expect(await turn('at home', 1)).toEqual([
      '[location_request_message] Please share a location with the button below.',
    ]);
    expect(await turn({ location: { latitude: -29.85, longitude: 31.02, name: 'Durban' } }, 1)).toEqual([
      'Send us a photo of your ID.',
    ]);
    expect(await turn('no photo', 1)).toEqual(['Please send a photo.']);

    // Logic, a 1 s wait, the data sub-flow, then the actions against the local server.
    const photoAt = Date.now();
    expect(await turn({ image: { id: 'media-4711', mime_type: 'image/jpeg' } }, 4)).toEqual([
      'The premium plan costs 250 a night.',
      'Quote: 1000 ZAR (HTTP 200).',
      'That time clashes with [{"start":"2031-01-07T09:30:00.000Z","end":"2031-01-07T10:30:00.000Z","summary":"Guided tour"}].',
      'What would you like?',
    ]);
    expect(Date.now() - photoAt).toBeGreaterThanOrEqual(1000);

    // AI, with the offline provider.
    expect(await turn('I would like to book a room for 4 people', 3)).toEqual([
      '[offline model] No language model is connected yet. You wrote: "I would like to book a room for 4 people"',
      'Our handbook is not connected yet.',
      'Anything else? Type human to talk to a person.',
    ]);

    // The hand-over: the bot stays silent until a person releases the conversation through the API.
    expect(await turn('I want a human please', 1)).toEqual(['A person from our team will reply here shortly.']);
    const { id } = await product().db.conversation.findFirstOrThrow({ where: { contact: { waId: customer } } });
    const waiting = await conversationApi(id);
    expect(waiting.body).toMatchObject({
      conversation: { status: 'active', live: { handoff: { node: 'handoff', reason: 'Thandi asked for a person' } } },
    });
    const sentBefore = product().sent(customer).length;
    const unanswered = await product().say(customer, 'Hello? Is anyone there?');
    await eventually(
      () => product().db.message.findUnique({ where: { wamid: unanswered } }),
      (m) => m !== null,
    );
    await sleep(500);
    expect(product().sent(customer)).toHaveLength(sentBefore);

    const released = await conversationApi(`${id}/release`, 'POST');
    expect(released).toEqual({ status: 202, body: { released: true } });
    const [summary] = await eventually(
      () => product().sent(customer).slice(sentBefore).map(shown),
      (s) => s.length >= 1,
    );
    expect(summary).toMatch(
      /^Thanks Thandi! premium plan, sea room, 4 guests \(4 in your message\), total 400, from Durban, photo media-4711, intent book, variant [ab]\.$/,
    );

    const ended = await eventually(
      () => product().db.conversation.findUniqueOrThrow({ where: { id } }),
      (c) => c.status === 'completed',
    );
    expect(ended.outcome).toBe(TOUR_OUTCOME);
    expect(product().sent(customer)).toHaveLength(sentBefore + 1);

    const contact = await product().db.contact.findFirstOrThrow({ where: { waId: customer } });
    expect(contact.profile).toEqual({
      first_name: 'Thandi',
      email: 'thandi@example.com',
      phone_number: '+27821234567',
      guests: 4,
    });

    expect(local().webhooks).toEqual([
      {
        event: 'booking.requested',
        deliveryId: expect.any(String) as unknown,
        signatureValid: true,
        payload: { name: 'Thandi', email: 'thandi@example.com', guests: 4, arrives: '2031-01-07T10:00:00Z' },
      },
    ]);
    expect(local().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /quote?plan=premium&guests=4',
      'POST /hooks',
      'GET /calendar.ics',
    ]);
  });
});
