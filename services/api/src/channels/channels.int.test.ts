import { randomBytes, randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { secretBoxFromConfig } from '@botflow/secrets';
import { closeServer, createLogger, listen } from '@botflow/service-kit';
import { createApiApp } from '../app.ts';
import { organisationWithToken } from '../bots/test-support.ts';
import { ChannelDirectory } from '../webhooks/channel-directory.ts';
import { channelsRoutes } from './channels-routes.ts';

interface ChannelBody {
  id: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  bot: { id: string; name: string; publishedVersion: number | null } | null;
  secrets: Record<string, string | null>;
  health: {
    status: string;
    reason: string | null;
    lastWebhookAt: string | null;
    lastSendAt: string | null;
    lastSendError: { code: number | null; message: string; at: string } | null;
  };
}
type Answer = { status: number; body: { channel: ChannelBody; channels: ChannelBody[]; error: string }; text: string };

const db = useMigratedDatabase();
const secrets = secretBoxFromConfig(`test:${randomBytes(32).toString('base64')}`);
const ACCESS_TOKEN = 'EAAGtestaccesstoken0123456789wxyz';
const APP_SECRET = '0123456789abcdef0123456789abcdef';
const VERIFY_TOKEN = 'verify-me-please';
let server: Server;
let base: string;
let mine: { id: string; token: string };
let theirs: { id: string; token: string };

beforeAll(async () => {
  const app = createApiApp({
    log: createLogger('test', 'silent'),
    healthChecks: [],
    routes: [channelsRoutes({ db: db.prisma, secrets })],
  });
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mine = await organisationWithToken(db.prisma);
  theirs = await organisationWithToken(db.prisma);
});
afterAll(() => closeServer(server));

async function call(method: string, path: string, body?: unknown, token = mine.token): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : ({} as Answer['body']), text };
}

const newNumber = () => `1${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e5)).padStart(5, '0')}`;
const channelInput = (overrides: Record<string, unknown> = {}) => ({
  phoneNumberId: newNumber(),
  wabaId: '200000000000001',
  displayPhoneNumber: '+1 555 000 1234',
  accessToken: ACCESS_TOKEN,
  appSecret: APP_SECRET,
  verifyToken: VERIFY_TOKEN,
  ...overrides,
});

function expectNoSecrets(answer: Answer) {
  for (const secret of [ACCESS_TOKEN, APP_SECRET, VERIFY_TOKEN]) expect(answer.text).not.toContain(secret);
}

describe('channels API', () => {
  it('connects a number, seals its secrets bound to the row, and never shows them', async () => {
    const created = await call('POST', '/api/channels', channelInput());
    expect(created.status).toBe(201);
    expectNoSecrets(created);
    const { channel } = created.body;
    expect(channel).toMatchObject({
      displayPhoneNumber: '+1 555 000 1234',
      bot: null,
      secrets: { accessToken: 'set', accessTokenEnding: 'wxyz', appSecret: 'set', verifyToken: 'set' },
      health: { status: 'healthy', reason: null, lastWebhookAt: null, lastSendAt: null, lastSendError: null },
    });

    const row = await db.prisma.whatsappChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(secrets.open(row.accessTokenCiphertext, channel.id)).toBe(ACCESS_TOKEN);
    expect(secrets.open(row.appSecretCiphertext, channel.id)).toBe(APP_SECRET);
    expect(secrets.open(row.verifyTokenCiphertext, channel.id)).toBe(VERIFY_TOKEN);
    expect(() => secrets.open(row.accessTokenCiphertext, 'another-row')).toThrow();

    for (const answer of [await call('GET', '/api/channels'), await call('GET', `/api/channels/${channel.id}`)]) {
      expect(answer.status).toBe(200);
      expectNoSecrets(answer);
    }
    expect((await call('GET', '/api/channels')).body.channels.map((c) => c.id)).toContain(channel.id);
  });

  it('answers 409 for a number connected already, here or in another organisation', async () => {
    const input = channelInput();
    const first = await call('POST', '/api/channels', input);
    const again = await call('POST', '/api/channels', input);
    expect(again).toMatchObject({
      status: 409,
      body: {
        error:
          `phone-number id ${input.phoneNumberId} is connected already, as channel ${first.body.channel.id}: ` +
          `change it with PATCH /api/channels/${first.body.channel.id}`,
      },
    });
    const elsewhere = await call('POST', '/api/channels', input, theirs.token);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error).toMatch(/connected already in another organisation/);
    expect(elsewhere.body.error).not.toContain(first.body.channel.id);
  });

  it('says which field is wrong, without echoing a secret', async () => {
    const spaced = 'EAAG secret with a space 0123456789';
    const bad = await call('POST', '/api/channels', {
      ...channelInput({ phoneNumberId: '+1 555 000', accessToken: spaced }),
      appSecret: undefined,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^the request body is not right: /);
    expect(bad.body.error).toMatch(/phoneNumberId: the phone-number id is the long number Meta shows/);
    expect(bad.body.error).toMatch(/accessToken: an access token holds no spaces or line breaks/);
    expect(bad.body.error).toMatch(/appSecret: paste the Meta app's secret/);
    expect(bad.text).not.toContain(spaced);

    const nothing = await call(
      'PATCH',
      `/api/channels/${(await call('POST', '/api/channels', channelInput())).body.channel.id}`,
      {},
    );
    expect(nothing.status).toBe(400);
    expect(nothing.body.error).toMatch(/nothing to change/);
  });

  it("keeps each organisation's channels to itself", async () => {
    const { channel } = (await call('POST', '/api/channels', channelInput())).body;
    const notFound = { status: 404, body: { error: `there is no channel "${channel.id}" in this organisation` } };
    expect(await call('GET', `/api/channels/${channel.id}`, undefined, theirs.token)).toMatchObject(notFound);
    expect(
      await call('PATCH', `/api/channels/${channel.id}`, { displayPhoneNumber: '+1 555 999 0000' }, theirs.token),
    ).toMatchObject(notFound);
    expect(await call('PUT', `/api/channels/${channel.id}/bot`, { botId: null }, theirs.token)).toMatchObject(notFound);
    expect(await call('DELETE', `/api/channels/${channel.id}`, undefined, theirs.token)).toMatchObject(notFound);
    expect((await call('GET', '/api/channels', undefined, theirs.token)).body.channels.map((c) => c.id)).not.toContain(
      channel.id,
    );
    expect((await call('GET', `/api/channels/${channel.id}`)).status).toBe(200);
    expect((await call('GET', '/api/channels', undefined, 'bf_unknown')).status).toBe(401);
  });

  it('binds a bot of the organisation only, and unbinds it', async () => {
    const { channel } = (await call('POST', '/api/channels', channelInput())).body;
    const bot = await db.prisma.bot.create({ data: { organisationId: mine.id, name: 'Front desk' } });
    const foreign = await db.prisma.bot.create({ data: { organisationId: theirs.id, name: 'Not yours' } });

    const bound = await call('PUT', `/api/channels/${channel.id}/bot`, { botId: bot.id });
    expect(bound).toMatchObject({
      status: 200,
      body: { channel: { bot: { id: bot.id, name: 'Front desk', publishedVersion: null } } },
    });
    expect(await call('PUT', `/api/channels/${channel.id}/bot`, { botId: foreign.id })).toMatchObject({
      status: 404,
      body: { error: `there is no bot "${foreign.id}" in this organisation` },
    });
    expect((await call('PUT', `/api/channels/${channel.id}/bot`, {})).body.error).toMatch(
      /send \{"botId": "<bot id>"\} to bind a bot, or \{"botId": null\} to unbind it/,
    );
    expect((await call('GET', `/api/channels/${channel.id}`)).body.channel.bot?.id).toBe(bot.id);
    expect((await call('PUT', `/api/channels/${channel.id}/bot`, { botId: null })).body.channel.bot).toBeNull();

    const createdBound = await call('POST', '/api/channels', channelInput({ botId: bot.id }));
    expect(createdBound.body.channel.bot?.id).toBe(bot.id);
    expect(await call('POST', '/api/channels', channelInput({ botId: foreign.id }))).toMatchObject({ status: 404 });
  });

  it('rotates a secret, changes the display number, and refuses to change the phone-number id', async () => {
    const { channel } = (await call('POST', '/api/channels', channelInput())).body;
    await db.prisma.whatsappChannel.update({
      where: { id: channel.id },
      data: { health: 'unhealthy', healthReason: 'Meta refused the access token', lastSendError: 'expired' },
    });
    const newToken = 'EAAGanothertoken0123456789abcdNEW1';
    const patched = await call('PATCH', `/api/channels/${channel.id}`, {
      accessToken: newToken,
      displayPhoneNumber: '+1 555 000 9999',
    });
    expect(patched.status).toBe(200);
    expect(patched.text).not.toContain(newToken);
    expect(patched.body.channel).toMatchObject({
      displayPhoneNumber: '+1 555 000 9999',
      secrets: { accessToken: 'set', accessTokenEnding: 'NEW1' },
      health: { status: 'healthy', reason: null, lastSendError: { message: 'expired' } },
    });
    const row = await db.prisma.whatsappChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(secrets.open(row.accessTokenCiphertext, channel.id)).toBe(newToken);
    expect(secrets.open(row.appSecretCiphertext, channel.id)).toBe(APP_SECRET);

    const renumber = await call('PATCH', `/api/channels/${channel.id}`, { phoneNumberId: '123456789' });
    expect(renumber.status).toBe(400);
    expect(renumber.body.error).toMatch(/the phone-number id cannot change/);
  });

  it('shows health: last webhook, last send, the last error and why the number is unhealthy', async () => {
    const { channel } = (await call('POST', '/api/channels', channelInput())).body;
    await db.prisma.whatsappChannel.update({
      where: { id: channel.id },
      data: {
        lastWebhookAt: new Date('2026-11-26T10:00:00Z'),
        lastSendAt: new Date('2026-11-26T10:00:01Z'),
        lastSendError: 'Error validating access token',
        lastSendErrorCode: 190,
        lastSendErrorAt: new Date('2026-11-26T10:05:00Z'),
        health: 'unhealthy',
        healthReason: 'Meta refused the access token: it has expired',
      },
    });
    expect((await call('GET', `/api/channels/${channel.id}`)).body.channel.health).toEqual({
      status: 'unhealthy',
      reason: 'Meta refused the access token: it has expired',
      lastWebhookAt: '2026-11-26T10:00:00.000Z',
      lastSendAt: '2026-11-26T10:00:01.000Z',
      lastSendError: { code: 190, message: 'Error validating access token', at: '2026-11-26T10:05:00.000Z' },
    });
  });

  it('shows when the last webhook came, written by the ingress at most once per cache period', async () => {
    const { channel } = (await call('POST', '/api/channels', channelInput())).body;
    const directory = new ChannelDirectory(db.prisma, { ttlMs: 60_000 });
    expect(await directory.isConnected(channel.phoneNumberId)).toBe(true);
    const first = (await call('GET', `/api/channels/${channel.id}`)).body.channel.health.lastWebhookAt;
    expect(first).not.toBeNull();
    expect(await directory.isConnected(channel.phoneNumberId)).toBe(true);
    expect((await call('GET', `/api/channels/${channel.id}`)).body.channel.health.lastWebhookAt).toBe(first);
  });

  it('says so when a token cannot be decrypted with the configured keys', async () => {
    const { channel } = (await call('POST', '/api/channels', channelInput())).body;
    const otherKey = secretBoxFromConfig(`old:${randomBytes(32).toString('base64')}`);
    await db.prisma.whatsappChannel.update({
      where: { id: channel.id },
      data: { accessTokenCiphertext: new Uint8Array(otherKey.seal(ACCESS_TOKEN, channel.id)) },
    });
    const { body } = await call('GET', `/api/channels/${channel.id}`);
    expect(body.channel.secrets).toMatchObject({ accessToken: 'unreadable', accessTokenEnding: null });
    expect(body.channel.health.status).toBe('unhealthy');
    expect(body.channel.health.reason).toMatch(/cannot be decrypted with BOTFLOW_SECRETS_KEY/);
  });

  it('deletes a channel, and asks first when that would delete its conversations', async () => {
    const { channel } = (await call('POST', '/api/channels', channelInput())).body;
    const bot = await db.prisma.bot.create({ data: { organisationId: mine.id, name: 'With history' } });
    const contact = await db.prisma.contact.create({ data: { organisationId: mine.id, waId: newNumber() } });
    await db.prisma.conversation.create({
      data: {
        workflowId: `conv:${channel.phoneNumberId}:x`,
        runId: `run-${newNumber()}`,
        channelId: channel.id,
        contactId: contact.id,
        botId: bot.id,
      },
    });
    const refused = await call('DELETE', `/api/channels/${channel.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/has 1 conversation\(s\).*\?deleteConversations=true/);

    expect((await call('DELETE', `/api/channels/${channel.id}?deleteConversations=true`)).status).toBe(204);
    expect((await call('GET', `/api/channels/${channel.id}`)).status).toBe(404);
    expect(await db.prisma.conversation.count({ where: { channelId: channel.id } })).toBe(0);

    const empty = (await call('POST', '/api/channels', channelInput())).body.channel;
    expect((await call('DELETE', `/api/channels/${empty.id}`)).status).toBe(204);
    expect((await call('DELETE', `/api/channels/${empty.id}`)).status).toBe(404);
  });
});
