import { inNetwork, ipBytes, parseCidr, type IpBytes } from './ip.ts';

/** What an address is for; only `public` ones are fetched unless an allow-list says otherwise. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'unspecified'
  | 'private'
  | 'link-local'
  | 'cloud metadata'
  | 'carrier-grade NAT'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

/** How a bot owner reads each kind: "… resolves to 10.0.0.5, a private address". */
export const KIND_PHRASES: Record<Exclude<AddressKind, 'public'>, string> = {
  loopback: 'a loopback address (this machine)',
  unspecified: 'an unspecified address',
  private: 'a private address',
  'link-local': 'a link-local address',
  'cloud metadata': 'the cloud metadata address',
  'carrier-grade NAT': 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
};

type Range = [cidr: string, kind: AddressKind];

/** Most specific first: the first range that holds an address names its kind. */
const IPV4: Range[] = [
  ['169.254.169.254/32', 'cloud metadata'],
  ['255.255.255.255/32', 'broadcast'],
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

const IPV6: Range[] = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fd00:ec2::254/128', 'cloud metadata'],
  ['64:ff9b:1::/48', 'reserved'],
  ['100::/64', 'reserved'],
  ['2001::/32', 'reserved'],
  ['2001:db8::/32', 'reserved'],
  ['fc00::/7', 'private'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'],
  ['ff00::/8', 'multicast'],
];

/**
 * IPv6 networks whose addresses carry an IPv4 address that the packets end up at: mapped and compatible addresses,
 * the NAT64 well-known prefix and 6to4. Each is as safe as the IPv4 address inside it.
 */
const EMBEDDING_IPV4: [cidr: string, offset: number][] = [
  ['::ffff:0:0/96', 12],
  ['::/96', 12],
  ['64:ff9b::/96', 12],
  ['2002::/16', 2],
];

const GLOBAL_UNICAST = parsed('2000::/3');

export function addressKind(address: string): AddressKind {
  const bytes = ipBytes(address);
  if (!bytes) throw new TypeError(`"${address}" is not an IP address`);
  return kindOf(bytes);
}

function kindOf(bytes: IpBytes): AddressKind {
  const ranges = bytes.length === 4 ? IPV4_RANGES : IPV6_RANGES;
  const range = ranges.find(({ network, prefix }) => inNetwork(bytes, network, prefix));
  if (range) return range.kind;
  if (bytes.length === 4) return 'public';
  const embedding = EMBEDDING_RANGES.find(({ network, prefix }) => inNetwork(bytes, network, prefix));
  if (embedding) return kindOf(bytes.subarray(embedding.offset, embedding.offset + 4));
  return inNetwork(bytes, GLOBAL_UNICAST.network, GLOBAL_UNICAST.prefix) ? 'public' : 'reserved';
}

function parsed(cidr: string): { network: IpBytes; prefix: number } {
  const network = parseCidr(cidr);
  if (!network) throw new Error(`bad built-in network ${cidr}`);
  return network;
}

const IPV4_RANGES = IPV4.map(([cidr, kind]) => ({ ...parsed(cidr), kind }));
const IPV6_RANGES = IPV6.map(([cidr, kind]) => ({ ...parsed(cidr), kind }));
const EMBEDDING_RANGES = EMBEDDING_IPV4.map(([cidr, offset]) => ({ ...parsed(cidr), offset }));
