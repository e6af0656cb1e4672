import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, HttpError, notFound } from './http-errors.ts';
import { closeServer, listen } from './http-server.ts';
import { createLogger } from './logger.ts';

const app = express();
app.post('/echo', express.json({ limit: 100 }), (req, res) => {
  res.json(req.body);
});
app.get('/teapot', () => {
  throw new HttpError(418, 'no coffee here', { try: 'tea' });
});
app.get('/boom', () => {
  throw new Error('database password is hunter2');
});
app.use(notFound);
app.use(errorHandler(createLogger('test', 'silent')));

let base = '';
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => closeServer(server));

const post = (body: string) =>
  fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('errorHandler', () => {
  it('keeps the status and message of an HttpError', async () => {
    const res = await fetch(`${base}/teapot`);
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ error: 'no coffee here', details: { try: 'tea' } });
  });

  it('answers 400 for malformed JSON and 413 for an oversized body', async () => {
    expect((await post('{"a":')).status).toBe(400);
    const big = await post(JSON.stringify({ a: 'x'.repeat(200) }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/larger than the 100 bytes/);
  });

  it('answers 404 naming the route, and a 500 that leaks nothing', async () => {
    expect(await (await fetch(`${base}/nowhere`)).json()).toEqual({ error: 'no route for GET /nowhere' });
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toMatch(/hunter2/);
  });
});
