import { describe, expect, it } from 'vitest';
import { allowsAddress, allowsHost, parseAllowList } from './allow-list.ts';

describe('parseAllowList', () => {
  const list = parseAllowList(' 127.0.0.1:8080 , 10.1.0.0/16,[::1]:9000, fd00::/8, Localhost:3000, api.internal., ');

  it('allows an address on its port only when a port is given', () => {
    expect(allowsAddress(list, '127.0.0.1', 8080)).toBe(true);
    expect(allowsAddress(list, '127.0.0.1', 8081)).toBe(false);
    expect(allowsAddress(list, '::ffff:127.0.0.1', 8080)).toBe(true);
    expect(allowsAddress(list, '::1', 9000)).toBe(true);
    expect(allowsAddress(list, '::1', 80)).toBe(false);
  });

  it('allows every address of a network on any port', () => {
    expect(allowsAddress(list, '10.1.200.3', 443)).toBe(true);
    expect(allowsAddress(list, '10.2.0.1', 443)).toBe(false);
    expect(allowsAddress(list, 'fd00:1::5', 80)).toBe(true);
    expect(allowsAddress(list, 'fc00::5', 80)).toBe(false);
  });

  it('allows host names as the URL spells them, ignoring case and a final dot', () => {
    expect(allowsHost(list, 'localhost', 3000)).toBe(true);
    expect(allowsHost(list, 'localhost', 3001)).toBe(false);
    expect(allowsHost(list, 'API.internal', 443)).toBe(true);
    expect(allowsHost(list, 'internal', 443)).toBe(false);
    expect(allowsAddress(list, '127.0.0.2', 3000)).toBe(false);
  });

  it('allows nothing when blank, and names an entry it cannot read', () => {
    expect(parseAllowList('')).toEqual([]);
    expect(parseAllowList(' , ')).toEqual([]);
    for (const bad of ['10.0.0.0/33', '127.0.0.1:0', '127.0.0.1:99999', '[10.0.0.1]:80', 'a b', 'host:port', '::1:x']) {
      expect(() => parseAllowList(`127.0.0.1,${bad}`), bad).toThrow(`"${bad}" is not`);
    }
  });
});
