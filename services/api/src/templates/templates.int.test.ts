import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '@botflow/db/vitest';
import { secretBoxFromConfig } from '@botflow/secrets';
import { closeServer, createLogger, listen } from '@botflow/service-kit';
import { post, startEmulator } from '../../../whatsapp-emulator/src/test-harness.ts';
import { createApiApp } from '../app.ts';
import { organisationWithToken } from '../bots/test-support.ts';
import { templatesRoutes } from './templates-routes.ts';

const db = useMigratedDatabase();
const secrets = secretBoxFromConfig(`test:${randomBytes(32).toString('base64')}`);
let emulator: Awaited<ReturnType<typeof startEmulator>>;
let server: Awaited<ReturnType<typeof listen>>;
let base: string;
let token: string;
let otherToken: string;

async function channel(organisationId: string, id: string, accessToken = 'dev-access-token') {
  const seal = (value: string) => new Uint8Array(secrets.seal(value, id));
  await db.prisma.whatsappChannel.create({
    data: {
      id,
      organisationId,
      phoneNumberId: `1${randomBytes(6).readUIntBE(0, 6)}`,
      wabaId: '200000000000001',
      displayPhoneNumber: '+15550000001',
      accessTokenCiphertext: seal(accessToken),
      appSecretCiphertext: seal('app-secret'),
      verifyTokenCiphertext: seal('verify-token'),
    },
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ templateApprovalMs: 200, webhookUrl: 'http://127.0.0.1:9/unused' });
  const org = await organisationWithToken(db.prisma);
  const other = await organisationWithToken(db.prisma);
  token = org.token;
  otherToken = other.token;
  await channel(org.id, 'ch_templates');
  await channel(org.id, 'ch_revoked', 'an-old-token');
  const app = createApiApp({
    log: createLogger('test', 'silent'),
    healthChecks: [],
    routes: [templatesRoutes({ db: db.prisma, secrets, graph: { baseUrl: emulator.url, version: 'v23.0' } })],
  });
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closeServer(server);
  await emulator.stop();
});

async function call<T = { error: string }>(method: string, path: string, body?: unknown, bearer = token) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

interface TemplateView {
  id: string;
  name: string;
  language: string;
  status: string;
  rejectedReason?: string;
}
type Templates = { templates: TemplateView[] };

const bookingReminder = {
  name: 'booking_reminder',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Hi {{1}}, see you on {{2}}.', example: { body_text: [['Ana', '7 January']] } },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Change my booking' }] },
  ],
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('/api/channels/:channelId/templates', () => {
  it('submits a template to Meta, which reviews it from PENDING to APPROVED', async () => {
    const created = await call<{ template: TemplateView }>(
      'POST',
      '/api/channels/ch_templates/templates',
      bookingReminder,
    );
    expect(created.status).toBe(201);
    expect(created.body.template).toMatchObject({
      id: expect.stringMatching(/^\d+$/) as string,
      name: 'booking_reminder',
      language: 'en_US',
      category: 'UTILITY',
      status: 'PENDING',
      components: bookingReminder.components,
    });
    const one = await call<Templates>('GET', '/api/channels/ch_templates/templates/booking_reminder');
    expect(one.body.templates.map((t) => t.status)).toEqual(['PENDING']);

    await sleep(250);
    const all = await call<Templates>('GET', '/api/channels/ch_templates/templates');
    expect(all.body.templates.map((t) => [t.name, t.status])).toEqual([
      ['hello_world', 'APPROVED'],
      ['booking_reminder', 'APPROVED'],
    ]);
  });

  it('says what to fix in a template Meta would not take, before asking Meta', async () => {
    const bad = await call('POST', '/api/channels/ch_templates/templates', {
      ...bookingReminder,
      name: 'Booking reminder',
      components: [{ type: 'BODY', text: 'Hi {{1}}, see you on {{2}}.', example: { body_text: [['Ana']] } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe(
      'the request body is not right: name: a template name holds only lower-case letters, digits and underscores, e.g. order_update; ' +
        'components.0.example.body_text: the body has 2 placeholders but 1 example value is given: give one example per placeholder',
    );
    const duplicate = await call('POST', '/api/channels/ch_templates/templates', bookingReminder);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatch(/^there is a template "booking_reminder" in en_US already/);
    const otherLanguage = await call('POST', '/api/channels/ch_templates/templates', {
      ...bookingReminder,
      language: 'pt_BR',
    });
    expect(otherLanguage.status).toBe(201);
  });

  it('shows a rejection with Meta’s reason', async () => {
    await call('POST', '/api/channels/ch_templates/templates', { ...bookingReminder, name: 'big_sale' });
    await post(`${emulator.url}/_emulator/templates/review`, {
      name: 'big_sale',
      status: 'REJECTED',
      reason: 'PROMOTIONAL',
    });
    const { body } = await call<Templates>('GET', '/api/channels/ch_templates/templates/big_sale');
    expect(body.templates).toMatchObject([{ status: 'REJECTED', rejectedReason: 'PROMOTIONAL' }]);
    const portuguese = await call<Templates>(
      'GET',
      '/api/channels/ch_templates/templates/booking_reminder?language=pt_BR',
    );
    expect(portuguese.body.templates.map((t) => t.language)).toEqual(['pt_BR']);
  });

  it('answers unknown templates, channels and organisations, and a refused access token, clearly', async () => {
    const missing = await call('GET', '/api/channels/ch_templates/templates/nothing_here');
    expect(missing).toEqual({
      status: 404,
      body: expect.objectContaining({
        error: 'this channel\'s business account has no template "nothing_here"',
      }) as object,
    });
    expect((await call('GET', '/api/channels/ch_templates/templates/Not-A-Name')).status).toBe(400);
    const foreign = await call('GET', '/api/channels/ch_templates/templates', undefined, otherToken);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toBe('there is no channel "ch_templates" in this organisation');
    expect((await call('GET', '/api/channels/ch_templates/templates', undefined, 'bf_nope')).status).toBe(401);
    const revoked = await call('GET', '/api/channels/ch_revoked/templates');
    expect(revoked.status).toBe(502);
    expect(revoked.body.error).toMatch(/^Meta refused this channel's access token .*give the channel a new one/);
  });
});
