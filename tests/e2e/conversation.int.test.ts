import { describe, expect, it } from 'vitest';
import { eventually, useProduct } from './product.ts';

const product = useProduct();

describe('a customer chats with the demo bot over the real stack', () => {
  it('answers each message once, quoting it, and ends with the outcome', async () => {
    const customer = '27820000101';
    const hi = await product().say(customer, 'hi');
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    const name = await product().say(customer, 'Thandi');
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 2,
    );
    const book = await product().say(customer, 'I would like to book a room');
    const replies = await eventually(
      () => product().replies(customer),
      (r) => r.length === 3,
    );

    expect(replies.map((r) => r.contextId)).toEqual([hi, name, book]);
    expect(replies.map((r) => r.text)).toEqual([
      "Hi! I'm the assistant of Sunny Guesthouse. What's your name?",
      'Nice to meet you, Thandi! Would you like to *book* a room or ask a *question*?',
      'Great, Thandi! A host will confirm your room here shortly.',
    ]);

    // The last reply reaches the customer before the workflow records the conversation's end.
    const [conversation] = await eventually(
      () => product().db.conversation.findMany({ where: { botId: product().botId } }),
      (c) => c[0]?.status === 'completed',
    );
    expect(conversation).toMatchObject({ status: 'completed', outcome: 'booking_requested' });
    const messages = await product().db.message.findMany({
      where: { conversationId: conversation?.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(
      messages
        .filter((m) => m.direction === 'in')
        .map((m) => m.wamid)
        .sort(),
    ).toEqual([hi, name, book].sort());
    expect(messages.filter((m) => m.direction === 'out').every((m) => m.wamid?.startsWith('wamid.'))).toBe(true);

    await eventually(
      () => product().hourlyCount('messages_in'),
      (n) => n === 3,
    );
    await eventually(
      () => product().hourlyCount('messages_out'),
      (n) => n === 3,
    );
    await eventually(
      () => product().hourlyCount('conversations_ended'),
      (n) => n === 1,
    );
  });

  it('delivery statuses from Meta reach the outbound messages, never going backwards', async () => {
    const customer = '27820000102';
    await product().say(customer, 'hello');
    const [reply] = await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    const message = await eventually(
      () => product().db.message.findUnique({ where: { wamid: reply?.wamid ?? '' } }),
      (m) => m?.status === 'read',
    );
    expect(message?.statusAt).toBeInstanceOf(Date);
    // Each state reached is an event: analytics counts them per bot and hour.
    await eventually(
      () => Promise.all([product().hourlyCount('messages_delivered'), product().hourlyCount('messages_read')]),
      ([delivered, read]) => delivered >= 1 && read >= 1,
    );
  });
});

describe('a message that arrives as the conversation ends', () => {
  it("opens the customer's next conversation, which answers it", async () => {
    const customer = '27820000103';
    await product().say(customer, 'hi');
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    await product().say(customer, 'Sam');
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 2,
    );
    // Both arrive while no worker runs, so one turn takes them: the first ends the conversation.
    await product().worker.stop();
    await product().say(customer, 'book');
    const again = await product().say(customer, 'hello again');
    await product().worker.start();
    const replies = await eventually(
      () => product().replies(customer),
      (r) => r.length === 4,
      30_000,
    );
    expect(replies[2]?.text).toMatch(/A host will confirm your room/);
    expect(replies[3]).toMatchObject({
      contextId: again,
      text: expect.stringMatching(/What's your name\?/) as unknown,
    });
    const conversations = await eventually(
      () =>
        product().db.conversation.findMany({
          where: { contact: { waId: customer } },
          orderBy: { startedAt: 'asc' },
        }),
      (c) => c.length === 2 && c[0]?.status === 'completed',
    );
    expect(conversations.map((c) => c.outcome)).toEqual(['booking_requested', null]);
  });
});
