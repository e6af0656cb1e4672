import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowList } from './allow-list.ts';
import { BlockedDestination, FetchFailed } from './errors.ts';
import { safeFetch } from './safe-fetch.ts';
import { startRecordingServer, type ReceivedRequest, type RecordingServer } from './testing/recording-server.ts';

const servers: RecordingServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A server on 127.0.0.1 that records what it gets; only the allow-list lets safeFetch reach it. */
async function local(respond: (req: ReceivedRequest, res: ServerResponse) => void): Promise<RecordingServer> {
  const server = await startRecordingServer(respond);
  servers.push(server);
  return server;
}

const allowing = (...servers: RecordingServer[]) => parseAllowList(servers.map((s) => `127.0.0.1:${s.port}`).join(','));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => err,
  );
/** A DNS answering 127.0.0.1 for every name: names then reach the local servers, if the guard lets them. */
const toLoopback = async () => [{ address: '127.0.0.1', family: 4 }];

describe('safeFetch', () => {
  it('fetches from an allowed server, sending method, headers and body', async () => {
    const s = await local((_req, res) => res.writeHead(201, { 'content-type': 'application/json' }).end('{"ok":1}'));
    const answer = await safeFetch(`${s.url}/items?x=1`, {
      method: 'POST',
      headers: { 'x-api-key': 'k1', 'content-type': 'text/plain' },
      body: 'hello',
      allowHosts: allowing(s),
    });
    expect(answer).toMatchObject({
      status: 201,
      ok: true,
      truncated: false,
      finalUrl: `${s.url}/items?x=1`,
      contentType: 'application/json',
    });
    expect(answer.body.toString()).toBe('{"ok":1}');
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(s.received).toMatchObject([
      { method: 'POST', url: '/items?x=1', body: 'hello', headers: { 'x-api-key': 'k1', 'content-length': '5' } },
    ]);
  });

  it('refuses a local server that is not allowed, before sending anything', async () => {
    const s = await local((_req, res) => res.end('secret'));
    const err = await failure(safeFetch(`${s.url}/admin`));
    expect(err).toBeInstanceOf(BlockedDestination);
    expect((err as Error).message).toBe(
      `${s.url}/admin is 127.0.0.1, a loopback address (this machine); only public internet addresses can be fetched`,
    );
    expect(await failure(safeFetch(`http://localhost:${s.port}/`))).toBeInstanceOf(BlockedDestination);
    expect(s.received).toEqual([]);
  });

  it('connects to the address its lookup checked, keeping the name for the Host header', async () => {
    const s = await local((_req, res) => res.end('hi'));
    const url = `http://api.example.test:${s.port}/`;
    const err = await failure(safeFetch(url, { resolve: toLoopback }));
    expect((err as Error).message).toBe(
      `${url} resolves to 127.0.0.1, a loopback address (this machine); only public internet addresses can be fetched`,
    );
    expect(s.received).toEqual([]);
    const answer = await safeFetch(url, { resolve: toLoopback, allowHosts: allowing(s) });
    expect(answer.body.toString()).toBe('hi');
    expect(s.received[0]?.headers.host).toBe(`api.example.test:${s.port}`);
  });

  it('refuses a redirect to an address that is not allowed', async () => {
    const inside = await local((_req, res) => res.end('internal'));
    const outside = await local((req, res) => {
      const to = req.url === '/by-name' ? `http://internal.test:${inside.port}/` : `${inside.url}/internal`;
      res.writeHead(302, { location: to }).end();
    });
    const options = { allowHosts: allowing(outside), resolve: toLoopback };
    expect(await failure(safeFetch(`${outside.url}/go`, options))).toMatchObject({
      name: 'BlockedDestination',
      message: `${inside.url}/internal (where ${outside.url}/go redirects) is 127.0.0.1, a loopback address (this machine); only public internet addresses can be fetched`,
    });
    expect(await failure(safeFetch(`${outside.url}/by-name`, options))).toMatchObject({
      message: expect.stringContaining(`resolves to 127.0.0.1`) as unknown,
    });
    expect(inside.received).toEqual([]);
    expect(outside.received).toHaveLength(2);
  });

  it('follows 301/302/303 as a GET without body, and 307/308 with the same method and body', async () => {
    const s = await local((req, res) => {
      const status = Number(req.url.slice(1));
      if (status) res.writeHead(status, { location: '/done' }).end();
      else res.end(`${req.method} ${req.body}`);
    });
    const post = (status: number) =>
      safeFetch(`${s.url}/${status}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'payload',
        allowHosts: allowing(s),
      });
    for (const status of [301, 302, 303]) {
      const answer = await post(status);
      expect(answer.body.toString(), String(status)).toBe('GET ');
      expect(answer.finalUrl).toBe(`${s.url}/done`);
      expect(s.received.at(-1)?.headers['content-type']).toBeUndefined();
    }
    for (const status of [307, 308]) {
      expect((await post(status)).body.toString(), String(status)).toBe('POST payload');
    }
  });

  it('keeps credentials on the same origin and drops them on another', async () => {
    const other = await local((_req, res) => res.end('other'));
    const s = await local((req, res) => {
      if (req.url === '/same') res.writeHead(307, { location: '/here' }).end();
      else if (req.url === '/away') res.writeHead(302, { location: `${other.url}/there` }).end();
      else res.end('here');
    });
    const credentials = { authorization: 'Bearer t0k3n', cookie: 'session=1', 'x-trace': 'abc' };
    const options = { headers: credentials, allowHosts: allowing(s, other) };
    await safeFetch(`${s.url}/same`, options);
    expect(s.received[1]?.headers).toMatchObject(credentials);
    await safeFetch(`${s.url}/away`, options);
    expect(other.received[0]?.headers).toMatchObject({ 'x-trace': 'abc' });
    expect(other.received[0]?.headers.authorization).toBeUndefined();
    expect(other.received[0]?.headers.cookie).toBeUndefined();
  });

  it('gives up after maxRedirects', async () => {
    const s = await local((req, res) => res.writeHead(302, { location: `/${Number(req.url.slice(1)) + 1}` }).end());
    const err = await failure(safeFetch(`${s.url}/0`, { allowHosts: allowing(s), maxRedirects: 2 }));
    expect(err).toBeInstanceOf(FetchFailed);
    expect(err).toMatchObject({ kind: 'redirect', message: `${s.url}/0 redirected more than 2 times` });
    expect(s.received.map((r) => r.url)).toEqual(['/0', '/1', '/2']);
    expect(await safeFetch(`${s.url}/0`, { allowHosts: allowing(s) }).catch((e: Error) => e.message)).toBe(
      `${s.url}/0 redirected more than 5 times`,
    );
  });

  it('fails past maxBytes, or keeps what fits when asked to truncate, counting decoded bytes', async () => {
    const s = await local((req, res) => {
      if (req.url === '/gzip') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('z'.repeat(5000)));
      else res.end('x'.repeat(5000));
    });
    const allowHosts = allowing(s);
    const err = await failure(safeFetch(s.url, { allowHosts, maxBytes: 1000 }));
    expect(err).toMatchObject({ name: 'FetchFailed', kind: 'too-large' });
    expect((err as Error).message).toBe('the answer is larger than 1000 bytes');
    const cut = await safeFetch(s.url, { allowHosts, maxBytes: 1000, truncate: true });
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.body.toString()).toBe('x'.repeat(1000));
    expect(await failure(safeFetch(`${s.url}/gzip`, { allowHosts, maxBytes: 1000 }))).toMatchObject({
      kind: 'too-large',
    });
    const unzipped = await safeFetch(`${s.url}/gzip`, { allowHosts, maxBytes: 5000 });
    expect(unzipped.body.toString()).toBe('z'.repeat(5000));
  });

  it('times out on a server that does not answer, or stops halfway', async () => {
    const s = await local((req, res) => {
      if (req.url === '/half') res.writeHead(200, { 'content-length': '10' }).write('12345');
    });
    for (const path of ['/silent', '/half']) {
      const started = Date.now();
      const err = await failure(safeFetch(`${s.url}${path}`, { allowHosts: allowing(s), timeoutMs: 300 }));
      expect(err, path).toMatchObject({ kind: 'timeout', message: `${s.url}${path} did not answer within 0.3 s` });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('reports a server that cannot be reached as a transport failure', async () => {
    const s = await local(() => undefined);
    const allowHosts = allowing(s);
    await servers.pop()?.close();
    const err = await failure(safeFetch(s.url, { allowHosts }));
    expect(err).toBeInstanceOf(FetchFailed);
    expect(err).toMatchObject({ kind: 'unreachable' });
    expect((err as Error).message).toMatch(new RegExp(`^${s.url}/ could not be reached: .*ECONNREFUSED`));
  });
});
