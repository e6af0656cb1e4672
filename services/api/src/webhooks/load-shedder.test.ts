import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '@botflow/service-kit';
import { LoadShedder } from './load-shedder.ts';

let overloaded = false;
let release: () => void = () => {};
const shedder = new LoadShedder(2, () => overloaded);
const app = express();
app.post('/hook', shedder.middleware(), (_req, res) => {
  release = () => res.sendStatus(200);
});
app.post('/fast', shedder.middleware(), (_req, res) => {
  res.sendStatus(200);
});
let server: Awaited<ReturnType<typeof listen>>;
let base = '';
beforeAll(async () => {
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => closeServer(server));

describe('LoadShedder', () => {
  it('answers 503 with Retry-After while replies lag, and lets webhooks through again after', async () => {
    overloaded = true;
    const shed = await fetch(`${base}/fast`, { method: 'POST' });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    overloaded = false;
    expect((await fetch(`${base}/fast`, { method: 'POST' })).status).toBe(200);
    expect(shedder.shed).toBe(1);
  });

  it('caps webhooks in progress and frees the slot when one finishes', async () => {
    const first = fetch(`${base}/hook`, { method: 'POST' });
    await new Promise((r) => setTimeout(r, 50));
    const releaseFirst = release;
    const second = fetch(`${base}/hook`, { method: 'POST' });
    await new Promise((r) => setTimeout(r, 50));
    const releaseSecond = release;
    expect((await fetch(`${base}/fast`, { method: 'POST' })).status).toBe(503);
    releaseFirst();
    releaseSecond();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect((await fetch(`${base}/fast`, { method: 'POST' })).status).toBe(200);
  });
});
