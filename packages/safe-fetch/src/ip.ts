import { isIPv4, isIPv6 } from 'node:net';

/** An IP address or network as bytes: 4 for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

/** The bytes of an address in standard notation (`10.0.0.5`, `::ffff:7f00:1`), or undefined for anything else. */
export function ipBytes(address: string): IpBytes | undefined {
  if (isIPv4(address)) return Uint8Array.from(address.split('.').map(Number));
  if (isIPv6(address)) return ipv6Bytes(address.split('%')[0] ?? '');
  return undefined;
}

/** An IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) is the IPv4 address it carries: sockets reach that one. */
export function unmapped(bytes: IpBytes): IpBytes {
  return bytes.length === 16 && inNetwork(bytes, MAPPED, 96) ? bytes.subarray(12) : bytes;
}

export function inNetwork(bytes: IpBytes, network: IpBytes, prefix: number): boolean {
  if (bytes.length !== network.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const mask = prefix - bit >= 8 ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((network[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

/** Parses `address/prefix` (`10.0.0.0/8`, `fc00::/7`); undefined when either part is not valid. */
export function parseCidr(text: string): { network: IpBytes; prefix: number } | undefined {
  const [address = '', bits = '', ...rest] = text.split('/');
  const network = ipBytes(address);
  const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!network || rest.length > 0 || !(prefix <= network.length * 8)) return undefined;
  return { network, prefix };
}

const MAPPED = ipv6Bytes('::ffff:0:0');

/** Expects text that net.isIPv6 accepted: groups around at most one `::`, perhaps ending in dotted IPv4. */
function ipv6Bytes(text: string): IpBytes {
  const words = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = text.split('::');
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return Uint8Array.from(all.flatMap((word) => [word >> 8, word & 0xff]));
}
