import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GraphApiError,
  MediaClient,
  MediaTooLargeError,
  matchesSha256,
  type InboundMedia,
  type WebhookEnvelope,
} from '@botflow/whatsapp';
import { MediaStore } from './media-store.ts';
import { post, useEmulatorWithReceiver } from './test-harness.ts';

const env = useEmulatorWithReceiver();
const token = 'dev-access-token';
const client = () => new MediaClient({ baseUrl: env.emulator.url, version: 'v23.0' });

async function customerSends(content: Record<string, unknown>): Promise<InboundMedia> {
  await post(`${env.emulator.url}/_emulator/customers/15551234567/messages`, content);
  await env.receiver.waitFor(1);
  const message = (env.receiver.received.at(-1)!.body as WebhookEnvelope).entry[0]!.changes[0]!.value.messages![0]!;
  return (message as unknown as Record<string, InboundMedia>)[message.type]!;
}

describe('media a customer sends', () => {
  it('can be retrieved: GET /<media-id> gives a short-lived URL, and the URL gives bytes matching the hash', async () => {
    const image = await customerSends({ image: { caption: 'my room' } });
    expect(image).toMatchObject({ mime_type: 'image/jpeg', caption: 'my room' });

    const info = await client().info(image.id, token);
    expect(info).toMatchObject({ id: image.id, mimeType: 'image/jpeg', sha256: image.sha256, fileSize: 2048 });
    expect(info.url).toMatch(/\/whatsapp_business\/attachments\/\?mid=\d+&ext=\d+&hash=/);
    const bytes = await client().download(info.url, token, 10_000);
    expect(bytes).toHaveLength(2048);
    expect(matchesSha256(bytes, image.sha256)).toBe(true);
    expect(matchesSha256(bytes, createHash('sha256').update(bytes).digest('hex'))).toBe(true);
  });

  it('serves a file of the size, type and hash a test registered', async () => {
    const registered = await post<{ id: string; sha256: string; file_size: number }>(
      `${env.emulator.url}/_emulator/media`,
      { mime_type: 'video/mp4', size: 300_000 },
    );
    expect(registered.status).toBe(201);
    const video = await customerSends({ video: { id: registered.json.id } });
    expect(video).toMatchObject({ id: registered.json.id, mime_type: 'video/mp4', sha256: registered.json.sha256 });
    const info = await client().info(video.id, token);
    expect(info.fileSize).toBe(300_000);
    await expect(client().download(info.url, token, 100_000)).rejects.toBeInstanceOf(MediaTooLargeError);
    expect(await client().download(info.url, token, 300_000)).toHaveLength(300_000);

    const lying = await post<{ id: string }>(`${env.emulator.url}/_emulator/media`, {
      mime_type: 'application/pdf',
      base64: Buffer.from('%PDF-1.4 hello').toString('base64'),
      sha256: 'not-the-hash',
    });
    const document = await customerSends({ document: { id: lying.json.id, filename: 'a.pdf' } });
    const bytes = await client().download((await client().info(document.id, token)).url, token, 1000);
    expect(bytes.toString()).toBe('%PDF-1.4 hello');
    expect(matchesSha256(bytes, document.sha256)).toBe(false);
  });

  it('answers unknown ids, missing tokens, forged URLs and injected failures the way Meta does', async () => {
    const unknown = await client()
      .info('123', token)
      .catch((err: unknown) => err);
    expect(unknown).toBeInstanceOf(GraphApiError);
    expect(unknown).toMatchObject({ httpStatus: 400, code: 100, kind: 'permanent' });
    expect(
      await client()
        .info('123', 'nope')
        .catch((err: unknown) => err),
    ).toMatchObject({ code: 190 });

    const flaky = await post<{ id: string }>(`${env.emulator.url}/_emulator/media`, {
      mime_type: 'image/png',
      size: 10,
      failDownloads: 1,
    });
    const { url } = await client().info(flaky.json.id, token);
    expect(
      await client()
        .download(url, 'nope', 100)
        .catch((err: unknown) => err),
    ).toMatchObject({ httpStatus: 401 });
    expect(
      await client()
        .download(url, token, 100)
        .catch((err: unknown) => err),
    ).toMatchObject({ httpStatus: 500, kind: 'retry' });
    expect(await client().download(url, token, 100)).toHaveLength(10);
    const forged = url.replace(/hash=[^&]+/, 'hash=forged');
    expect(
      await client()
        .download(forged, token, 100)
        .catch((err: unknown) => err),
    ).toMatchObject({ httpStatus: 404 });
  });

  it('leaves the chat pages and control routes where they were', async () => {
    await customerSends({ sticker: {} });
    const page = await fetch(`${env.emulator.url}/chats/15551234567`);
    expect(page.headers.get('content-type')).toMatch(/html/);
    expect((await fetch(`${env.emulator.url}/_emulator/info`)).status).toBe(200);
  });
});

describe('MediaStore download URLs', () => {
  it('expire after five minutes', () => {
    const store = new MediaStore();
    const media = store.add({ id: '42', mimeType: 'image/png', bytes: Buffer.from('x') });
    const query = Object.fromEntries(new URL(store.downloadUrl('http://e', media.id, 0)).searchParams);
    expect(store.resolve(query, 4 * 60_000)).toBe(media);
    expect(store.resolve(query, 6 * 60_000)).toBe('expired');
  });
});
