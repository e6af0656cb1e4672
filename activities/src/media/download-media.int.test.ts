import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { secretBoxFromConfig } from '@botflow/secrets';
import { MediaClient, mediaLimits } from '@botflow/whatsapp';
// The emulator stands in for Meta in tests, as in tests/e2e.
import { post, startEmulator } from '../../../services/whatsapp-emulator/src/test-harness.ts';
import { createMediaActivities, MediaFiles, type MediaDownloadInput } from './index.ts';

const db = useMigratedDatabase();
const secrets = secretBoxFromConfig(`test:${randomBytes(32).toString('base64')}`);
const phoneNumberId = '100000000000001';
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let mediaDir: string;
let conversationId: string;
let activities: ReturnType<typeof createMediaActivities>;

beforeAll(async () => {
  emulator = await startEmulator({ webhookUrl: 'http://127.0.0.1:9/unused', webhookRetryMs: [] });
  mediaDir = await mkdtemp(path.join(tmpdir(), 'botflow-media-'));
  const org = await db.prisma.organisation.create({ data: { name: 'Media test', slug: `media-${Date.now()}` } });
  const channelId = 'ch_media';
  const seal = (value: string) => new Uint8Array(secrets.seal(value, channelId));
  await db.prisma.whatsappChannel.create({
    data: {
      id: channelId,
      organisationId: org.id,
      phoneNumberId,
      wabaId: '200000000000001',
      displayPhoneNumber: '+15550000001',
      accessTokenCiphertext: seal('dev-access-token'),
      appSecretCiphertext: seal('dev-app-secret'),
      verifyTokenCiphertext: seal('dev-verify-token'),
    },
  });
  const contact = await db.prisma.contact.create({ data: { organisationId: org.id, waId: '15551234567' } });
  const conversation = await db.prisma.conversation.create({
    data: { workflowId: 'conv:x', runId: 'run-media', channelId, contactId: contact.id },
  });
  conversationId = conversation.id;
  activities = activitiesWith();
});
afterAll(async () => {
  await emulator?.stop();
  await rm(mediaDir, { recursive: true, force: true });
});

function activitiesWith(limits = mediaLimits()) {
  return createMediaActivities({
    db: db.prisma,
    media: new MediaClient({ baseUrl: emulator.url, version: 'v23.0' }),
    secrets,
    mediaDir,
    limits,
    log: pino({ level: 'silent' }),
  });
}

let messages = 0;
function input(mediaId: string, kind = 'image'): MediaDownloadInput {
  messages += 1;
  return { conversationId, phoneNumberId, wamid: `wamid.media${messages}`, kind, mediaId };
}

async function registered(media: Record<string, unknown>): Promise<string> {
  const { json } = await post<{ id: string }>(`${emulator.url}/_emulator/media`, media);
  return json.id;
}

const row = (wamid: string) => db.prisma.messageMedia.findUniqueOrThrow({ where: { wamid } });

describe('downloadInboundMedia', () => {
  it('stores what the customer sent, by content, and records it against the message', async () => {
    const sent = await post<{ wamid: string }>(`${emulator.url}/_emulator/customers/15551234567/messages`, {
      image: { caption: 'the view' },
    });
    const chat = emulator.state.findChat('15551234567')!;
    const message = chat.entries.find((e) => e.wamid === sent.json.wamid)!.message as { image: { id: string } };
    const job = { ...input(message.image.id), wamid: sent.json.wamid };

    const result = await activities.downloadInboundMedia(job);
    expect(result).toMatchObject({ status: 'stored', mimeType: 'image/jpeg', sizeBytes: 2048 });
    if (result.status !== 'stored') throw new Error('not stored');
    expect(result.storageKey).toBe(`sha256/${result.sha256.slice(0, 2)}/${result.sha256}`);
    expect(await new MediaFiles(mediaDir).read(result.storageKey)).toHaveLength(2048);
    expect(await row(job.wamid)).toMatchObject({
      conversationId,
      mediaId: message.image.id,
      kind: 'image',
      status: 'stored',
      sizeBytes: 2048,
      sha256: result.sha256,
      storageKey: result.storageKey,
      attempts: 1,
      reason: null,
    });
  });

  it('answers a repeated call from its record, and keeps one file for the same bytes sent twice', async () => {
    const bytes = randomBytes(3000).toString('base64');
    const first = input(await registered({ mime_type: 'image/png', base64: bytes }));
    const stored = await activities.downloadInboundMedia(first);
    expect(await activities.downloadInboundMedia(first)).toEqual(stored);
    expect((await row(first.wamid)).attempts).toBe(1);

    const again = await activities.downloadInboundMedia(
      input(await registered({ mime_type: 'image/png', base64: bytes })),
    );
    expect(again).toEqual(stored);

    await rm(new MediaFiles(mediaDir).pathOf((stored as { storageKey: string }).storageKey));
    expect(await activities.downloadInboundMedia(first)).toEqual(stored);
    expect((await row(first.wamid)).attempts).toBe(2);
  });

  it('refuses files over the size limit or of a type not allowed, saying why, without failing', async () => {
    const big = input(await registered({ mime_type: 'image/jpeg', size: 6 * 1024 * 1024 }));
    expect(await activities.downloadInboundMedia(big)).toEqual({
      status: 'refused',
      reason: 'the image is 6 MB, more than the 5 MB allowed',
    });
    expect(await row(big.wamid)).toMatchObject({ status: 'refused', storageKey: null });

    const understated = input(await registered({ mime_type: 'image/jpeg', size: 6 * 1024 * 1024, file_size: 10 }));
    expect(await activities.downloadInboundMedia(understated)).toEqual({
      status: 'refused',
      reason: 'the image is larger than the 5 MB allowed',
    });

    const gif = input(await registered({ mime_type: 'image/gif', size: 10 }));
    expect(await activities.downloadInboundMedia(gif)).toEqual({
      status: 'refused',
      reason: 'image/gif is not an accepted image type (image/jpeg, image/png)',
    });

    const strict = activitiesWith(mediaLimits({ audio: { maxBytes: 100 } }));
    const voice = input(await registered({ mime_type: 'audio/ogg; codecs=opus', size: 200 }), 'audio');
    expect(await strict.downloadInboundMedia(voice)).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/more than the 100 bytes allowed/) as string,
    });
    expect(await activities.downloadInboundMedia({ ...voice, wamid: `${voice.wamid}b` })).toMatchObject({
      status: 'stored',
    });
  });

  it('records what Meta cannot give: an unknown id, a file that does not match its hash, an unknown number', async () => {
    const unknown = input('999999');
    expect(await activities.downloadInboundMedia(unknown)).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^Meta could not give media 999999: Unsupported get request/) as string,
    });
    const corrupt = input(
      await registered({ mime_type: 'application/pdf', size: 100, sha256: 'bm90IGl0' }),
      'document',
    );
    expect(await activities.downloadInboundMedia(corrupt)).toEqual({
      status: 'failed',
      reason: 'the document received does not match the SHA-256 Meta gave for it',
    });
    const stranger = { ...input('1'), phoneNumberId: '123' };
    expect(await activities.downloadInboundMedia(stranger)).toEqual({
      status: 'failed',
      reason: 'phone number 123 is not connected',
    });
    expect(await activities.downloadInboundMedia(input('1', 'text'))).toEqual({
      status: 'refused',
      reason: 'a text message carries no media file',
    });
  });

  it('throws on passing trouble, noting it on the record, and stores the file when retried', async () => {
    const flaky = input(await registered({ mime_type: 'video/mp4', size: 500, failDownloads: 1 }), 'video');
    await expect(activities.downloadInboundMedia(flaky)).rejects.toMatchObject({ httpStatus: 500 });
    expect(await row(flaky.wamid)).toMatchObject({
      status: 'pending',
      attempts: 1,
      reason: 'media download answered 500',
    });
    expect(await activities.downloadInboundMedia(flaky)).toMatchObject({ status: 'stored', sizeBytes: 500 });
    expect(await row(flaky.wamid)).toMatchObject({ status: 'stored', attempts: 2, reason: null });
  });
});
