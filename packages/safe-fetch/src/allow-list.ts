import { isIP } from 'node:net';
import { inNetwork, ipBytes, parseCidr, unmapped, type IpBytes } from './ip.ts';

/** One exception to the public-only rule: a network (an address is a /32 or /128) or a host name, on a port or any. */
export type AllowRule =
  { network: IpBytes; prefix: number; port: number | undefined } | { host: string; port: number | undefined };

export type AllowList = readonly AllowRule[];

/**
 * Reads an allow-list such as `127.0.0.1, 10.1.0.0/16, localhost:3000, [::1]:8080`: comma-separated entries, each
 * - an address (`127.0.0.1`, `::1`) or a network in CIDR notation (`10.1.0.0/16`, `fd00::/8`): any port,
 * - an address with a port (`127.0.0.1:8080`, `[::1]:8080`),
 * - a host name, with or without a port (`localhost`, `api.internal:8443`): whatever the name resolves to.
 * Blank text allows nothing. Throws on an entry it cannot read, naming it.
 */
export function parseAllowList(text: string): AllowList {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const rule = parseRule(entry);
      if (!rule) throw new Error(`"${entry}" is not an address, a network (10.1.0.0/16), host:port or [ipv6]:port`);
      return rule;
    });
}

/** Whether the URL's own host name (not an address) is allowed on this port. */
export function allowsHost(list: AllowList, hostname: string, port: number): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return list.some((rule) => 'host' in rule && rule.host === name && portMatches(rule, port));
}

export function allowsAddress(list: AllowList, address: string, port: number): boolean {
  const bytes = ipBytes(address);
  if (!bytes) return false;
  const candidates = [bytes, unmapped(bytes)];
  return list.some(
    (rule) =>
      'network' in rule &&
      portMatches(rule, port) &&
      candidates.some((candidate) => inNetwork(candidate, rule.network, rule.prefix)),
  );
}

function portMatches(rule: AllowRule, port: number): boolean {
  return rule.port === undefined || rule.port === port;
}

function parseRule(entry: string): AllowRule | undefined {
  if (entry.includes('/')) {
    const cidr = parseCidr(entry);
    return cidr && { ...cidr, port: undefined };
  }
  if (isIP(entry)) return addressRule(entry, undefined);
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return isIP(bracketed[1] ?? '') === 6 ? addressRule(bracketed[1] ?? '', bracketed[2]) : undefined;
  const [, host = '', port] = /^([^:]+)(?::(\d+))?$/.exec(entry) ?? [];
  if (isIP(host)) return addressRule(host, port);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i.test(host)) return undefined;
  const parsedPort = portNumber(port);
  return parsedPort === null ? undefined : { host: host.toLowerCase().replace(/\.$/, ''), port: parsedPort };
}

function addressRule(address: string, port: string | undefined): AllowRule | undefined {
  const network = unmapped(ipBytes(address) ?? new Uint8Array());
  const parsedPort = portNumber(port);
  if (network.length === 0 || parsedPort === null) return undefined;
  return { network, prefix: network.length * 8, port: parsedPort };
}

/** undefined: no port given (any port); null: not a port. */
function portNumber(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const port = Number(text);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}
