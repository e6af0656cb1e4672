import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startProduct, type Product } from './product.ts';

const run = promisify(execFile);
const stack = new URL('../../deploy/local/stack', import.meta.url).pathname;

let product: Product;
beforeAll(async () => {
  product = await startProduct();
}, 120_000);
afterAll(async () => {
  await run(stack, ['up', 'kafka']);
  await product?.stop();
}, 120_000);

describe('Kafka stopped for 30 s while customers keep writing', () => {
  it('replies keep flowing, and analytics ends equal to the truth once Kafka is back', async () => {
    await run(stack, ['down', 'kafka']);
    const stoppedAt = Date.now();
    const customers = ['27820000401', '27820000402', '27820000403'];
    for (const customer of customers) await product.say(customer, 'hi');
    await eventually(
      () => customers.map((c) => product.replies(c).length),
      (n) => n.every((x) => x === 1),
    );
    for (const customer of customers) await product.say(customer, 'Lee');
    await eventually(
      () => customers.map((c) => product.replies(c).length),
      (n) => n.every((x) => x === 2),
    );

    const unpublished = await product.db.eventOutbox.count({ where: { publishedAt: null } });
    expect(unpublished).toBeGreaterThanOrEqual(12);

    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - stoppedAt))));
    await run(stack, ['up', 'kafka']);

    await eventually(
      () => product.hourlyCount('messages_in'),
      (n) => n === 6,
      60_000,
    );
    await eventually(
      () => product.hourlyCount('messages_out'),
      (n) => n === 6,
      30_000,
    );
    expect(await product.hourlyCount('conversations_started')).toBe(3);
    expect(await product.db.eventOutbox.count({ where: { publishedAt: null } })).toBe(0);
  }, 180_000);
});
