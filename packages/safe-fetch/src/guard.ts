import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { addressKind, KIND_PHRASES } from './address-kind.ts';
import { allowsAddress, allowsHost, type AllowList } from './allow-list.ts';
import { BlockedDestination, described } from './errors.ts';

/** Turns a host name into the addresses to connect to; tests inject one that answers private addresses. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, order: 'verbatim' });

/** Names of cloud metadata services, refused before any lookup: some resolve only inside the cloud. */
const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.azure.internal',
]);

/** One request of a fetch: its URL, and where it came from when a redirect led to it (for messages). */
export interface Hop {
  url: URL;
  redirectedFrom: URL | undefined;
  allowHosts: AllowList;
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** The URL's host name as sockets and resolvers take it: `[::1]` → `::1`. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Checks what can be known before connecting: the scheme, metadata host names, and a host that is an address. */
export function checkBeforeConnect(hop: Hop): void {
  const { url } = hop;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BlockedDestination(
      hop.redirectedFrom
        ? `${described(hop.redirectedFrom)} redirects to a ${url.protocol} address; only http:// and https:// addresses can be fetched`
        : `only http:// and https:// addresses can be fetched, not ${url.protocol}`,
    );
  }
  const host = hostOf(url);
  if (allowsHost(hop.allowHosts, host, portOf(url))) return;
  if (METADATA_HOSTS.has(host.toLowerCase().replace(/\.$/, ''))) {
    throw new BlockedDestination(
      `${subject(hop)} is a cloud metadata service; only public internet addresses can be fetched`,
    );
  }
  if (isIP(host)) checkAddress(hop, host, 'is');
}

/**
 * The socket's `lookup`: resolves the name, refuses it when any of its addresses is not public (and not allowed),
 * and gives the socket exactly the addresses it checked, so a second DNS answer can never slip in between.
 */
export function guardedLookup(hop: Hop, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const checked = async (): Promise<LookupAddress[]> => {
      const found = (await resolve(hostname)).filter((a) => !options.family || a.family === options.family);
      if (found.length === 0) throw Object.assign(new Error(`no address found for ${hostname}`), { code: 'ENOTFOUND' });
      if (!allowsHost(hop.allowHosts, hostname, portOf(hop.url))) {
        for (const { address } of found) checkAddress(hop, address, 'resolves to');
      }
      return found;
    };
    checked().then(
      (addresses) => {
        const [first] = addresses;
        if (options.all) callback(null, addresses);
        else if (first) callback(null, first.address, first.family);
      },
      (err: Error) => callback(err, options.all ? [] : '', 0),
    );
  };
}

function checkAddress(hop: Hop, address: string, verb: 'is' | 'resolves to'): void {
  if (allowsAddress(hop.allowHosts, address, portOf(hop.url))) return;
  const kind = addressKind(address);
  if (kind === 'public') return;
  throw new BlockedDestination(
    `${subject(hop)} ${verb} ${address}, ${KIND_PHRASES[kind]}; only public internet addresses can be fetched`,
    address,
  );
}

function subject(hop: Hop): string {
  const to = described(hop.url);
  return hop.redirectedFrom ? `${to} (where ${described(hop.redirectedFrom)} redirects)` : to;
}
