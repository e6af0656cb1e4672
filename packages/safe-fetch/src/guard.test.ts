import type { LookupAddress, LookupOptions } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { parseAllowList } from './allow-list.ts';
import { BlockedDestination } from './errors.ts';
import { checkBeforeConnect, guardedLookup, type Hop } from './guard.ts';

const hop = (url: string, allow = '', from?: string): Hop => ({
  url: new URL(url),
  redirectedFrom: from === undefined ? undefined : new URL(from),
  allowHosts: parseAllowList(allow),
});

/** A DNS that answers what the test says, as a rebinding attacker's would. */
const answering =
  (...addresses: string[]) =>
  async (): Promise<LookupAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

/** Calls the hook as net.connect does and reports what it handed the socket. */
function lookUp(h: Hop, resolve: () => Promise<LookupAddress[]>, options: LookupOptions = { all: true }) {
  return new Promise<{ err: Error | null; address: unknown; family?: number }>((done) =>
    guardedLookup(h, resolve)(h.url.hostname, options, (err, address, family) => done({ err, address, family })),
  );
}

describe('checkBeforeConnect', () => {
  it('refuses addresses however the URL spells them', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/', 'http://127.1:8080/x']) {
      expect(() => checkBeforeConnect(hop(url)), url).toThrow(/is 127\.0\.0\.1, a loopback address/);
    }
    expect(() => checkBeforeConnect(hop('http://[::ffff:7f00:1]/'))).toThrow('is ::ffff:7f00:1, a loopback');
    expect(() => checkBeforeConnect(hop('http://[::1]/'))).toThrow('is ::1, a loopback');
    expect(() => checkBeforeConnect(hop('http://10.0.0.5/?key=s3cret'))).toThrow(
      new BlockedDestination(
        'http://10.0.0.5/ is 10.0.0.5, a private address; only public internet addresses can be fetched',
        '10.0.0.5',
      ),
    );
    expect(() => checkBeforeConnect(hop('http://169.254.169.254/latest/meta-data/'))).toThrow(
      'the cloud metadata address',
    );
    expect(() => checkBeforeConnect(hop('http://8.8.8.8/'))).not.toThrow();
    expect(() => checkBeforeConnect(hop('https://example.com/'))).not.toThrow();
  });

  it('refuses metadata host names and schemes other than http(s)', () => {
    expect(() => checkBeforeConnect(hop('http://METADATA.google.internal./computeMetadata/v1/'))).toThrow(
      'http://metadata.google.internal./computeMetadata/v1/ is a cloud metadata service',
    );
    expect(() => checkBeforeConnect(hop('file:///etc/passwd'))).toThrow('not file:');
    expect(() => checkBeforeConnect(hop('gopher://x/', '', 'https://a.example/go'))).toThrow(
      'https://a.example/go redirects to a gopher: address',
    );
  });

  it('lets through what the allow-list names, on its port', () => {
    expect(() => checkBeforeConnect(hop('http://127.0.0.1:8080/', '127.0.0.1:8080'))).not.toThrow();
    expect(() => checkBeforeConnect(hop('http://127.0.0.1:8081/', '127.0.0.1:8080'))).toThrow(BlockedDestination);
    expect(() => checkBeforeConnect(hop('http://10.1.2.3/', '10.1.0.0/16'))).not.toThrow();
  });

  it('names the redirect that led to a refused address', () => {
    expect(() => checkBeforeConnect(hop('http://127.0.0.1:9/admin', '', 'https://a.example/start'))).toThrow(
      'http://127.0.0.1:9/admin (where https://a.example/start redirects) is 127.0.0.1, a loopback address',
    );
  });
});

describe('guardedLookup', () => {
  it('hands the socket the public addresses it resolved, in order', async () => {
    const h = hop('https://api.example.test/');
    expect(await lookUp(h, answering('93.184.216.34', '2606:2800:220:1::1'))).toEqual({
      err: null,
      address: [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:2800:220:1::1', family: 6 },
      ],
      family: undefined,
    });
    expect(await lookUp(h, answering('93.184.216.34'), { family: 4 })).toEqual({
      err: null,
      address: '93.184.216.34',
      family: 4,
    });
  });

  it('refuses a name when any of its addresses is not public, saying which', async () => {
    const { err, address } = await lookUp(
      hop('https://crm.example.test/leads?k=1'),
      answering('93.184.216.34', '10.0.0.5'),
    );
    expect(err).toBeInstanceOf(BlockedDestination);
    expect(err?.message).toBe(
      'https://crm.example.test/leads resolves to 10.0.0.5, a private address; only public internet addresses can be fetched',
    );
    expect(address).toEqual([]);
    for (const [resolved, phrase] of [
      ['169.254.169.254', 'the cloud metadata address'],
      ['::ffff:127.0.0.1', 'a loopback address'],
      ['fe80::1', 'a link-local address'],
      ['100.100.1.1', 'a carrier-grade NAT address'],
      ['0.0.0.0', 'an unspecified address'],
    ] as const) {
      const result = await lookUp(hop('http://rebind.example.test/'), answering(resolved), { family: 0 });
      expect(result.err?.message, resolved).toContain(`resolves to ${resolved}, ${phrase}`);
      expect(result.address).toBe('');
    }
  });

  it('resolves on every connection, so a second answer is checked too', async () => {
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const rebinding = async () => (answers.shift() ?? []).map((address) => ({ address, family: 4 }));
    const h = hop('http://rebind.example.test/');
    expect((await lookUp(h, rebinding)).err).toBeNull();
    expect((await lookUp(h, rebinding)).err).toBeInstanceOf(BlockedDestination);
  });

  it('allows an allowed address or host name, and passes resolver failures on', async () => {
    expect((await lookUp(hop('http://dev.test:8080/', '127.0.0.1:8080'), answering('127.0.0.1'))).err).toBeNull();
    expect((await lookUp(hop('http://dev.test:8081/', '127.0.0.1:8080'), answering('127.0.0.1'))).err).toBeInstanceOf(
      BlockedDestination,
    );
    expect((await lookUp(hop('http://dev.test/', 'dev.test'), answering('10.0.0.5'))).err).toBeNull();
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' });
    expect((await lookUp(hop('http://nowhere.test/'), () => Promise.reject(notFound))).err).toBe(notFound);
    expect((await lookUp(hop('http://empty.test/'), answering())).err).toMatchObject({ code: 'ENOTFOUND' });
  });
});
