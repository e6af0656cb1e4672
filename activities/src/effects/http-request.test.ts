import type { VarValue } from '@botflow/graph';
import { ApplicationFailure } from '@temporalio/common';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpRequest } from './http-request.ts';
import { localServers, sendJson, startRecordingServer, type RecordingServer } from './test-server.ts';

const httpRequest = createHttpRequest(localServers);

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(respond: Parameters<typeof startRecordingServer>[0]): Promise<RecordingServer> {
  server = await startRecordingServer(respond);
  return server;
}

const base = { method: 'GET', headers: {}, timeoutSeconds: 5 };

describe('httpRequest', () => {
  it('answers the status and the parsed JSON body, sending the headers', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { data: { items: [{ name: 'Tea' }] } }));
    const result = await httpRequest({ ...base, url: `${s.url}/orders?id=7`, headers: { 'X-Api-Key': 'k1' } });
    expect(result).toEqual({ status: 200, body: { data: { items: [{ name: 'Tea' }] } } });
    expect(s.received[0]).toMatchObject({ method: 'GET', url: '/orders?id=7', headers: { 'x-api-key': 'k1' } });
  });

  it('sends a body with its content type, unless a header sets one', async () => {
    const s = await serve((_req, res) => res.writeHead(201, { 'content-type': 'text/plain' }).end('created'));
    const json = await httpRequest({
      ...base,
      method: 'POST',
      url: s.url,
      body: '{"a":1}',
      contentType: 'application/json',
    });
    expect(json).toEqual({ status: 201, body: 'created' });
    expect(s.received[0]).toMatchObject({ body: '{"a":1}', headers: { 'content-type': 'application/json' } });

    await httpRequest({
      ...base,
      method: 'PUT',
      url: s.url,
      headers: { 'Content-Type': 'application/xml' },
      body: '<a/>',
      contentType: 'text/plain; charset=utf-8',
    });
    expect(s.received[1]).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/xml' } });
  });

  it('fails for good on 4xx, naming the address without its query', async () => {
    const s = await serve((_req, res) => sendJson(res, 404, { error: 'no such order' }));
    const failure = await httpRequest({ ...base, url: `${s.url}/orders/9?key=secret` }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true });
    expect((failure as Error).message).toBe(`GET ${s.url}/orders/9 answered 404: {"error":"no such order"}`);
  });

  it('fails so as to be retried on 5xx, 408 and 429', async () => {
    for (const status of [503, 408, 429]) {
      const s = await serve((_req, res) => res.writeHead(status).end());
      const failure = await httpRequest({ ...base, url: s.url }).catch((e: unknown) => e);
      expect(failure, String(status)).not.toBeInstanceOf(ApplicationFailure);
      expect((failure as Error).message).toBe(`GET ${s.url}/ answered ${status}`);
      await s.close();
      server = undefined;
    }
  });

  it('gives up after the time limit, to be retried', async () => {
    const s = await serve(() => undefined);
    const failure = await httpRequest({ ...base, url: s.url, timeoutSeconds: 1 }).catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect((failure as Error).message).toBe(`${s.url}/ did not answer within 1 s`);
  });

  it('fails to be retried when the server cannot be reached', async () => {
    const s = await serve(() => undefined);
    await s.close();
    server = undefined;
    const failure = await httpRequest({ ...base, url: s.url }).catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect((failure as Error).message).toMatch(new RegExp(`^${s.url}/ could not be reached`));
  });

  it('keeps at most 256 KB of the answer, as text', async () => {
    const big = JSON.stringify({ filler: 'x'.repeat(300 * 1024) });
    const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(big));
    const result = (await httpRequest({ ...base, url: s.url })) as { body: string; truncated: boolean };
    expect(result.truncated).toBe(true);
    expect(result.body.length).toBe(256 * 1024);
  });

  it('refuses for good an address that is not public, telling the owner why', async () => {
    const s = await serve((_req, res) => res.end('internal'));
    const blocked = await createHttpRequest({ allowHosts: [] })({ ...base, url: `${s.url}/admin` }).catch(
      (e: unknown) => e,
    );
    expect(blocked).toBeInstanceOf(ApplicationFailure);
    expect(blocked).toMatchObject({
      nonRetryable: true,
      type: 'BlockedDestination',
      message: `${s.url}/admin is 127.0.0.1, a loopback address (this machine); only public internet addresses can be fetched`,
    });
    // The DNS answers the allowed local server first: were the guard to let the name through, the request would
    // reach that server (and fail this test), never the private network.
    const { port } = new URL(s.url);
    const toPrivate = createHttpRequest({
      allowHosts: localServers.allowHosts,
      resolve: async () => [
        { address: '127.0.0.1', family: 4 },
        { address: '10.0.0.5', family: 4 },
      ],
    });
    const refused = await toPrivate({ ...base, url: `http://crm.example.test:${port}/leads?key=s3cret` }).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      nonRetryable: true,
      message: `http://crm.example.test:${port}/leads resolves to 10.0.0.5, a private address; only public internet addresses can be fetched`,
    });
    expect(s.received).toEqual([]);
  });

  it('follows redirects, but not to an address that is not allowed', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: '/new' }).end();
      else if (req.url === '/inside') res.writeHead(302, { location: 'http://[::1]:9/' }).end();
      else sendJson(res, 200, { moved: true });
    });
    expect(await httpRequest({ ...base, url: `${s.url}/old` })).toEqual({ status: 200, body: { moved: true } });
    expect(await httpRequest({ ...base, url: `${s.url}/inside` }).catch((e: unknown) => e)).toMatchObject({
      nonRetryable: true,
      message: `http://[::1]:9/ (where ${s.url}/inside redirects) is ::1, a loopback address (this machine); only public internet addresses can be fetched`,
    });
  });

  it('refuses input no retry can fix', async () => {
    const refused = (input: Record<string, VarValue>) =>
      httpRequest({ ...base, url: 'https://example.com', ...input }).catch((e: unknown) => e);
    expect(await refused({ url: 'file:///etc/passwd' })).toMatchObject({
      nonRetryable: true,
      message: 'only http:// and https:// addresses can be called, not file:',
    });
    expect(await refused({ url: 'not a url' })).toMatchObject({ nonRetryable: true });
    expect(await refused({ method: 'TRACE' })).toMatchObject({ nonRetryable: true });
    expect(await refused({ body: 'x' })).toMatchObject({ message: 'a GET request sends no body' });
    expect(await refused({ headers: { 'Bad Name': 'x' } })).toMatchObject({ nonRetryable: true });
    expect(await refused({ timeoutSeconds: 600 })).toMatchObject({ nonRetryable: true });
  });
});
