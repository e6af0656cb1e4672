import { describe, expect, it } from 'vitest';
import {
  GraphApiError,
  TemplatesClient,
  type GraphErrorBody,
  type MessageTemplate,
  type TemplateCreateRequest,
} from '@botflow/whatsapp';
import { loadEmulatorConfig } from './config.ts';
import { post, useEmulatorWithReceiver } from './test-harness.ts';

const env = useEmulatorWithReceiver({ templateApprovalMs: 150 });
const token = 'dev-access-token';
const waba = '200000000000001';
const customer = '15551234567';
const client = () => new TemplatesClient({ baseUrl: env.emulator.url, version: 'v23.0' });

const orderUpdate: TemplateCreateRequest = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'BODY', text: 'Hi {{1}}, order {{2}} ships today.', example: { body_text: [['Ana', '12345']] } },
  ],
};

const sendTemplate = (name: string, parameters: string[] = [], language = 'en_US') =>
  post<GraphErrorBody & { messages?: { id: string }[] }>(
    `${env.emulator.url}/v23.0/100000000000001/messages`,
    {
      messaging_product: 'whatsapp',
      to: customer,
      type: 'template',
      template: {
        name,
        language: { code: language },
        components: [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }],
      },
    },
    { authorization: `Bearer ${token}` },
  );

const statusOf = async (name: string) => (await client().byName(waba, token, name)).map((t) => t.status);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('message templates', () => {
  it('creates a template PENDING, lists it, and approves it after the review delay', async () => {
    const created = await client().create(waba, token, orderUpdate);
    expect(created).toEqual({
      id: expect.stringMatching(/^\d{16}$/) as string,
      status: 'PENDING',
      category: 'UTILITY',
    });
    const listed = await client().byName(waba, token, 'order_update');
    expect(listed).toEqual([
      {
        id: created.id,
        name: 'order_update',
        language: 'en_US',
        status: 'PENDING',
        category: 'UTILITY',
        components: orderUpdate.components,
      },
    ]);
    await sleep(200);
    expect(await statusOf('order_update')).toEqual(['APPROVED']);
  });

  it('refuses to send a template that does not exist or is not approved, with code 132001', async () => {
    const unknown = await sendTemplate('no_such_template');
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({
      code: 132001,
      message: '(#132001) Template name does not exist in the translation',
      error_data: { details: 'template name (no_such_template) does not exist in en_US' },
    });
    await client().create(waba, token, orderUpdate);
    expect((await sendTemplate('order_update', ['Ana', '1'])).json.error?.code).toBe(132001);
    await sleep(200);
    expect((await sendTemplate('order_update', ['Ana', '1'])).status).toBe(200);
    expect((await sendTemplate('order_update', ['Ana', '1'], 'pt_BR')).json.error?.code).toBe(132001);
  });

  it('refuses a send whose body parameters do not match the template, with code 132000', async () => {
    await client().create(waba, token, orderUpdate);
    await post(`${env.emulator.url}/_emulator/templates/review`, { name: 'order_update', status: 'APPROVED' });
    const { status, json } = await sendTemplate('order_update', ['Ana']);
    expect(status).toBe(400);
    expect(json.error).toMatchObject({
      code: 132000,
      error_data: {
        details: 'body: number of localizable_params (1) does not match the expected number of params (2)',
      },
    });
  });

  it('can be told to reject a template, which then cannot be sent', async () => {
    await client().create(waba, token, orderUpdate);
    const reviewed = await post<MessageTemplate[]>(`${env.emulator.url}/_emulator/templates/review`, {
      name: 'order_update',
      status: 'REJECTED',
      reason: 'PROMOTIONAL',
    });
    expect(reviewed.json).toMatchObject([{ status: 'REJECTED', rejected_reason: 'PROMOTIONAL' }]);
    await sleep(200);
    expect(await client().byName(waba, token, 'order_update')).toMatchObject([
      { status: 'REJECTED', rejected_reason: 'PROMOTIONAL' },
    ]);
    expect((await sendTemplate('order_update', ['Ana', '1'])).json.error?.code).toBe(132001);
    const missing = await post(`${env.emulator.url}/_emulator/templates/review`, { name: 'nope', status: 'APPROVED' });
    expect(missing.status).toBe(404);
  });

  it('has hello_world approved from the start, as every Meta business account does', async () => {
    expect(await statusOf('hello_world')).toEqual(['APPROVED']);
    const sent = await post(
      `${env.emulator.url}/v23.0/100000000000001/messages`,
      {
        messaging_product: 'whatsapp',
        to: customer,
        type: 'template',
        template: { name: 'hello_world', language: { code: 'en_US' } },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(sent.status).toBe(200);
  });

  it('answers a bad template, a duplicate, a bad token and an unknown account the way Meta does', async () => {
    const invalid = await client()
      .create(waba, token, { ...orderUpdate, name: 'Order Update' })
      .catch((err: unknown) => err);
    expect(invalid).toBeInstanceOf(GraphApiError);
    expect(invalid).toMatchObject({
      httpStatus: 400,
      code: 100,
      details: 'name: a template name holds only lower-case letters, digits and underscores, e.g. order_update',
    });

    await client().create(waba, token, orderUpdate);
    const duplicate = await client()
      .create(waba, token, orderUpdate)
      .catch((err: unknown) => err);
    expect(duplicate).toMatchObject({ code: 100, details: expect.stringContaining('already en_US content') as string });

    const badToken = await client()
      .list(waba, 'nope')
      .catch((err: unknown) => err);
    expect(badToken).toMatchObject({ httpStatus: 401, code: 190, kind: 'auth' });
    const otherAccount = await client()
      .list('999', token)
      .catch((err: unknown) => err);
    expect(otherAccount).toMatchObject({ httpStatus: 400, code: 100, kind: 'permanent' });
  });

  it('pages through many templates', async () => {
    for (const name of ['a_one', 'a_two', 'a_three']) await client().create(waba, token, { ...orderUpdate, name });
    const page = await fetch(`${env.emulator.url}/v23.0/${waba}/message_templates?limit=2&name=a_`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await page.json()) as { data: MessageTemplate[]; paging: { next?: string } };
    expect(body.data.map((t) => t.name)).toEqual(['a_one', 'a_two']);
    const rest = await fetch(body.paging.next ?? '', { headers: { authorization: `Bearer ${token}` } });
    expect(((await rest.json()) as { data: MessageTemplate[] }).data.map((t) => t.name)).toEqual(['a_three']);
    expect((await client().list(waba, token, { name: 'a_' })).map((t) => t.name)).toEqual([
      'a_one',
      'a_two',
      'a_three',
    ]);
  });
});

describe('template settings', () => {
  it('reads the pre-approved templates and the review delay', () => {
    const { options } = loadEmulatorConfig({
      EMULATOR_APPROVED_TEMPLATES: 'hello_world:en_US, tour_welcome:pt_BR',
      EMULATOR_TEMPLATE_APPROVAL_MS: '0',
    });
    expect(options.approvedTemplates).toEqual([
      { name: 'hello_world', language: 'en_US' },
      { name: 'tour_welcome', language: 'pt_BR' },
    ]);
    expect(options.templateApprovalMs).toBe(0);
    expect(loadEmulatorConfig({ EMULATOR_APPROVED_TEMPLATES: '' }).options.approvedTemplates).toEqual([]);
    expect(() => loadEmulatorConfig({ EMULATOR_APPROVED_TEMPLATES: 'Hello World' })).toThrow(
      /EMULATOR_APPROVED_TEMPLATES/,
    );
  });
});
