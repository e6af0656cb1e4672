import { describe, expect, it } from 'vitest';
import { eventually, useProduct } from './product.ts';

const product = useProduct();

async function channel(): Promise<{ health: { status: string; reason: string | null } }> {
  const [row] = await product().db.whatsappChannel.findMany({ where: { phoneNumberId: product().phoneNumberId } });
  const res = await fetch(`${product().apiUrl}/api/channels/${row?.id ?? ''}`, {
    headers: { authorization: `Bearer ${product().apiToken}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { channel: { health: { status: string; reason: string | null } } }).channel;
}

describe('a channel whose access token Meta refuses', () => {
  it('turns unhealthy and says why, and healthy again once a send succeeds', async () => {
    await fetch(`${product().emulatorUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ next: [{ status: 401 }] }),
    });
    const customer = '27820000701';
    await product().say(customer, 'hi');
    const unhealthy = await eventually(
      () => channel(),
      (c) => c.health.status === 'unhealthy',
      20_000,
    );
    expect(unhealthy.health.reason).toMatch(/token/i);

    // The reply failed for good (a refused token is not retried); the customer's next message goes through.
    await new Promise((resolve) => setTimeout(resolve, 5500));
    await product().say(customer, 'Thandi');
    await eventually(
      () => product().replies(customer),
      (r) => r.length >= 1,
    );
    const healthy = await eventually(
      () => channel(),
      (c) => c.health.status === 'healthy',
    );
    expect(healthy.health.reason).toBeNull();
  });
});
