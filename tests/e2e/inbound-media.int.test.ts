import { describe, expect, it } from 'vitest';
import { eventually, useProduct } from './product.ts';

const product = useProduct();

async function preset(body: Record<string, unknown>): Promise<{ id: string; mime_type: string }> {
  const res = await fetch(`${product().emulatorUrl}/_emulator/media`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; mime_type: string };
}

const mediaOf = (wamid: string) =>
  eventually(
    () => product().db.messageMedia.findUnique({ where: { wamid } }),
    (m) => m !== null && m.status !== 'pending',
    20_000,
  );

describe('media customers send', () => {
  it('is downloaded through the Graph media endpoints, checked and stored once, while the bot answers', async () => {
    const customer = '27820000501';
    const photo = await preset({ mime_type: 'image/jpeg', size: 200_000 });
    const wamid = await product().say(customer, { image: { id: photo.id, caption: 'my room' } });
    await eventually(
      () => product().replies(customer),
      (r) => r.length === 1,
    );
    const stored = await mediaOf(wamid);
    expect(stored).toMatchObject({ status: 'stored', mimeType: 'image/jpeg', sizeBytes: 200_000 });
    expect(stored?.storageKey).toMatch(/^sha256\//);
  });

  it('refuses a file above the size limit or of a forbidden type with a reason, and the conversation goes on', async () => {
    const customer = '27820000502';
    const big = await preset({ mime_type: 'image/jpeg', size: 6 * 1024 * 1024 });
    const tooBig = await product().say(customer, { image: { id: big.id } });
    const zip = await preset({ mime_type: 'application/zip', size: 1000 });
    const forbidden = await product().say(customer, { document: { id: zip.id, filename: 'rooms.zip' } });
    const large = await mediaOf(tooBig);
    expect(large?.status).toBe('refused');
    expect(large?.reason).toMatch(/MB|large|limit/i);
    const wrongType = await mediaOf(forbidden);
    expect(wrongType?.status).toBe('refused');
    expect(wrongType?.reason).toMatch(/type/i);
    await eventually(
      () => product().replies(customer),
      (r) => r.length >= 1,
    );
  });
});
