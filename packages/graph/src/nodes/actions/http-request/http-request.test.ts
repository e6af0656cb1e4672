import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import type { VariableDecl } from '../../../variables.ts';
import { httpRequest } from './index.ts';

const variables: VariableDecl[] = [
  { name: 'order_id', scope: 'conversation', type: 'string' },
  { name: 'note', scope: 'conversation', type: 'string' },
];

function conversation(options: Record<string, unknown>) {
  const definition = definitionOf(
    {
      call: { type: 'http_request', options: httpRequest.options.parse(options), next: { next: 'ok', error: 'oops' } },
      ok: saying('done'),
      oops: saying('failed'),
    },
    'call',
    { variables },
  );
  return new TestConversation(definition, undefined, { order_id: 'A 7', note: 'say "hi"' });
}

describe('http_request', () => {
  it('fills in defaults', () => {
    expect(httpRequest.options.parse({ url: 'https://api.example.com' })).toEqual({
      method: 'GET',
      url: 'https://api.example.com',
      headers: [],
      body: '',
      responseMapping: [],
      retry: { maxAttempts: 3, initialIntervalSeconds: 1 },
      timeoutSeconds: 10,
    });
  });

  it('rejects addresses that are not http(s) and time limits over a minute', () => {
    const ftp = httpRequest.options.safeParse({ url: 'ftp://example.com' });
    expect(ftp.error?.issues[0]?.message).toBe('the address must start with http:// or https://');
    const slow = httpRequest.options.safeParse({ url: 'https://example.com', timeoutSeconds: 61 });
    expect(slow.error?.issues[0]?.message).toBe('one attempt can take at most 60 seconds');
    const path = httpRequest.options.safeParse({
      url: 'https://example.com',
      responseMapping: [{ variable: 'x', path: 'data..name' }],
    });
    expect(path.error?.issues[0]?.message).toMatch(/^a path is status/);
  });

  it('asks for the request with templates filled in, the JSON body escaped', () => {
    const c = conversation({
      method: 'POST',
      url: 'https://api.example.com/orders/{{order_id}}',
      headers: [{ name: 'X-Order', value: '{{order_id}}' }],
      body: '{"note": "{{note}}"}',
      retry: { maxAttempts: 2 },
      timeoutSeconds: 5,
    });
    const result = c.say('hi');
    expect(said(result)).toEqual([]);
    expect(result.effect).toEqual({
      type: 'http_request',
      input: {
        method: 'POST',
        url: 'https://api.example.com/orders/A 7',
        headers: { 'X-Order': 'A 7' },
        body: '{"note": "say \\"hi\\""}',
        contentType: 'application/json',
        timeoutSeconds: 5,
      },
      retry: { maxAttempts: 2, initialIntervalSeconds: 1 },
      timeoutSeconds: 5,
    });
  });

  it('sends a plain text body as text, and no body with GET', () => {
    const post = conversation({ method: 'PUT', url: 'https://x.example', body: 'note={{note}}' }).say('hi');
    expect(post.effect?.input).toMatchObject({ body: 'note=say "hi"', contentType: 'text/plain; charset=utf-8' });
    const get = conversation({ url: 'https://x.example' }).say('hi');
    expect(get.effect?.input).not.toHaveProperty('body');
  });

  it('saves the mapped values and leaves through next', () => {
    const c = conversation({
      url: 'https://x.example',
      responseMapping: [
        { variable: 'code', path: 'status' },
        { variable: 'first', path: 'items.0.name' },
        { variable: 'contact.city', path: 'address.city' },
        { variable: 'missing', path: 'nope.deeper' },
      ],
    });
    c.say('hi');
    const done = c.complete({
      ok: true,
      value: { status: 200, body: { items: [{ name: 'Tea' }], address: { city: 'Durban' } } },
    });
    expect(said(done)).toEqual(['done']);
    expect(c.state.vars).toMatchObject({ code: 200, first: 'Tea', 'contact.city': 'Durban', missing: null });
    expect(done.profileChanges).toEqual({ city: 'Durban' });
  });

  it('leaves through error when the call failed, keeping the reason', () => {
    const c = conversation({ url: 'https://x.example' });
    c.say('hi');
    expect(said(c.complete({ ok: false, error: 'GET https://x.example/ answered 503' }))).toEqual(['failed']);
    expect(c.state.lastError).toEqual({ node: 'call', message: 'GET https://x.example/ answered 503' });
  });

  it('checks templates, the body and where values are saved', () => {
    const ctx = checkContextOf(definitionOf({}, 'x', { variables }));
    const check = (options: Record<string, unknown>) => httpRequest.check?.(httpRequest.options.parse(options), ctx);
    expect(check({ method: 'POST', url: 'https://x.example/{{order_id}}', body: '{"n": "{{note}}"}' })).toEqual([]);
    expect(check({ url: 'https://x.example/{{nope}}', body: 'x' })).toEqual([
      { field: 'url', message: '{{nope}}: "nope" is never set: declare it, or set it in an earlier node' },
      { field: 'body', message: 'a GET request sends no body: choose POST, PUT or PATCH' },
    ]);
    expect(check({ method: 'POST', url: 'https://x.example', body: '{"n": }' })).toEqual([
      { field: 'body', message: expect.stringMatching(/^this is not valid JSON/) as unknown },
    ]);
    const readOnly = {
      ...httpRequest.options.parse({ url: 'https://x.example' }),
      responseMapping: [{ variable: 'bot.x', path: 'a' }],
    };
    expect(httpRequest.check?.(readOnly, ctx)).toEqual([
      { field: 'responseMapping.0.variable', message: 'bot.x is read-only' },
    ]);
  });

  it('declares the variables it writes and its ports', () => {
    const o = httpRequest.options.parse({
      url: 'https://x.example',
      responseMapping: [
        { variable: 'code', path: 'status' },
        { variable: 'name', path: 'data.name' },
      ],
    });
    expect(httpRequest.writes?.(o)).toEqual([
      { path: 'code', type: 'number' },
      { path: 'name', type: 'json' },
    ]);
    expect(httpRequest.ports(o).map((p) => p.id)).toEqual(['next', 'error']);
  });
});
