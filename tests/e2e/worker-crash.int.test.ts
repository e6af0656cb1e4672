import { describe, expect, it } from 'vitest';
import { eventually, useProduct } from './product.ts';

const product = useProduct();

const injectFault = (fault: Record<string, unknown>) =>
  fetch(`${product().emulatorUrl}/_emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ next: [fault] }),
  });

describe('the worker is SIGKILLed mid-turn', () => {
  it('after Meta accepted the reply but before the worker recorded it: the reply is not sent again', async () => {
    const customer = '27820000501';
    // Meta accepts the reply at once but the worker only hears back after 8 s; it is killed before then.
    await injectFault({ acceptThenDelayMs: 8000 });
    const hi = await product().say(customer, 'hi');
    const [accepted] = await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    await product().worker.kill();
    await product().worker.start();

    // Another customer's turn proves the new worker is running; this customer's turn is retried meanwhile.
    await product().say('27820000502', 'hi');
    await eventually(
      () => product().replies('27820000502'),
      (r) => r.length === 1,
      30_000,
    );
    const outbound = await eventually(
      () => product().db.message.findFirst({ where: { direction: 'out', replyToWamid: hi } }),
      (m) => m?.acceptedAt != null,
      30_000,
    );
    expect(outbound?.wamid).toBe(accepted?.wamid);
    expect(product().replies(customer)).toHaveLength(1);

    // The conversation goes on where it was.
    await product().say(customer, 'Ayanda');
    const replies = await eventually(
      () => product().replies(customer),
      (r) => r.length === 2,
      20_000,
    );
    expect(replies[1]?.text).toMatch(/Nice to meet you, Ayanda/);
    await eventually(
      () => product().hourlyCount('messages_out'),
      (n) => n === 3,
      20_000,
    );
  }, 120_000);

  it('before Meta answered at all: the retried turn sends the reply once', async () => {
    const customer = '27820000503';
    await injectFault({ drop: true });
    await injectFault({ drop: true });
    await product().say(customer, 'hi');
    await new Promise((r) => setTimeout(r, 300));
    await product().worker.kill();
    await product().worker.start();
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
      40_000,
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(product().replies(customer)).toHaveLength(1);
  }, 120_000);
});
