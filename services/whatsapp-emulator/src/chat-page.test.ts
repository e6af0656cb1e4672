import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startEmulator, startReceiver } from './test-harness.ts';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let emulator: Awaited<ReturnType<typeof startEmulator>>;
const customer = '15557654321';

beforeAll(async () => {
  receiver = await startReceiver();
  emulator = await startEmulator({ webhookUrl: receiver.url });
  await post(`${emulator.url}/_emulator/customers/${customer}/messages`, {
    text: '<script>alert("hi")</script>',
    name: '<b>Eve</b>',
  });
  await post(
    `${emulator.url}/v23.0/100000000000001/messages`,
    {
      messaging_product: 'whatsapp',
      to: customer,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Menu <img src=x onerror=alert(1)>' },
        action: {
          button: 'Open',
          sections: [{ title: 'Drinks', rows: [{ id: 'tea', title: 'Tea "hot"', description: 'Earl Grey' }] }],
        },
      },
    },
    { authorization: 'Bearer dev-access-token' },
  );
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

describe('GET /chats/:waId', () => {
  it('renders the transcript with every text escaped', async () => {
    const response = await fetch(`${emulator.url}/chats/${customer}`);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    const page = await response.text();
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('value="Tea &quot;hot&quot;"');
    expect(page).toContain('location.reload()');
    expect(page).toMatch(/\}, 2000\)/);
  });

  it('lets the customer tap a list row or type a reply from the page', async () => {
    const form = new URLSearchParams({ kind: 'list', id: 'tea', title: 'Tea "hot"', description: 'Earl Grey' });
    const tapped = await fetch(`${emulator.url}/chats/${customer}/reply`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(tapped.status).toBe(303);
    const typed = await fetch(`${emulator.url}/chats/${customer}/reply`, {
      method: 'POST',
      body: new URLSearchParams({ kind: 'text', text: 'thanks' }),
      redirect: 'manual',
    });
    expect(typed.status).toBe(303);
    const chat = (await fetch(`${emulator.url}/_emulator/chats/${customer}`).then((r) => r.json())) as {
      entries: { message: unknown }[];
    };
    expect(chat.entries.slice(-2).map((e) => e.message)).toMatchObject([
      {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'tea', title: 'Tea "hot"', description: 'Earl Grey' } },
      },
      { type: 'text', text: { body: 'thanks' } },
    ]);
  });

  it('refuses form posts from another origin', async () => {
    const response = await fetch(`${emulator.url}/chats/${customer}/reply`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
      body: new URLSearchParams({ text: 'pwned' }),
    });
    expect(response.status).toBe(403);
  });

  it('lists chats and answers 404 for an unknown customer', async () => {
    expect(await fetch(`${emulator.url}/chats`).then((r) => r.text())).toContain(`/chats/${customer}`);
    expect((await fetch(`${emulator.url}/chats/1999`)).status).toBe(404);
  });
});
