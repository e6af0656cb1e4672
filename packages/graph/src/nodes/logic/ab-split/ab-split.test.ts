import { describe, expect, it } from 'vitest';
import { checkContextOf, definitionOf, said, saying, TestConversation } from '../../../testing.ts';
import { stableHash } from './hash.ts';
import { abSplit } from './index.ts';
import type { AbSplitOptions } from './schema.ts';

const threeWay: AbSplitOptions['arms'] = [
  { id: 'a', weight: 50 },
  { id: 'b', weight: 30 },
  { id: 'c', weight: 20 },
];

function armFor(contactKey: string, arms = threeWay, nodeId = 'test'): string {
  const definition = definitionOf(
    {
      [nodeId]: {
        type: 'ab_split',
        options: { arms, variable: 'arm' },
        next: Object.fromEntries(arms.map((a) => [a.id, a.id])),
      },
      ...Object.fromEntries(arms.map((a) => [a.id, saying(a.id)])),
    },
    nodeId,
  );
  const c = new TestConversation(definition, contactKey);
  const [arm] = said(c.say('hi'));
  expect(c.state.vars['arm']).toBe(arm);
  return arm ?? '';
}

describe('ab_split', () => {
  const message = (options: unknown) => abSplit.options.safeParse(options).error?.issues[0]?.message;

  it('defaults to two even arms and rejects bad arms', () => {
    expect(abSplit.options.parse({}).arms).toEqual([
      { id: 'a', weight: 50 },
      { id: 'b', weight: 50 },
    ]);
    expect(message({ arms: [{ id: 'a', weight: 1 }] })).toBe('a split needs at least 2 arms');
    expect(message({ arms: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, weight: 1 })) })).toBe(
      'a split has at most 5 arms',
    );
    expect(
      message({
        arms: [
          { id: 'a', weight: 0 },
          { id: 'b', weight: 1 },
        ],
      }),
    ).toBe('a weight must be more than 0');
    expect(
      message({
        arms: [
          { id: 'a', weight: 1 },
          { id: 'a', weight: 1 },
        ],
      }),
    ).toBe('each arm needs its own id');
  });

  it('gives a contact the same arm every time', () => {
    for (const key of ['27820000001', '27820000002', '447700900123']) expect(armFor(key)).toBe(armFor(key));
  });

  it('splits contacts roughly by weight', () => {
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[armFor(`2782${String(i).padStart(7, '0')}`)]! += 1;
    expect(counts['a']).toBeGreaterThan(4750);
    expect(counts['a']).toBeLessThan(5250);
    expect(counts['b']).toBeGreaterThan(2750);
    expect(counts['b']).toBeLessThan(3250);
    expect(counts['c']).toBeGreaterThan(1750);
    expect(counts['c']).toBeLessThan(2250);
  });

  it('splits independently at different nodes', () => {
    const even = threeWay.slice(0, 2).map((a) => ({ ...a, weight: 1 }));
    const keys = Array.from({ length: 200 }, (_, i) => `2782${i}`);
    const same = keys.filter((k) => armFor(k, even, 'first') === armFor(k, even, 'second')).length;
    expect(same).toBeGreaterThan(60);
    expect(same).toBeLessThan(140);
  });

  it('hashes deterministically', () => {
    expect(stableHash('')).toBe(stableHash(''));
    expect(stableHash('27820000001:test')).not.toBe(stableHash('27820000002:test'));
  });

  it('has a port per arm with its share, and writes the arm when asked', () => {
    expect(abSplit.ports({ arms: threeWay }).map((p) => [p.id, p.label])).toEqual([
      ['a', 'a (50%)'],
      ['b', 'b (30%)'],
      ['c', 'c (20%)'],
    ]);
    expect(abSplit.writes?.({ arms: threeWay })).toEqual([]);
    expect(abSplit.writes?.({ arms: threeWay, variable: 'contact.arm' })).toEqual([
      { path: 'contact.arm', type: 'string' },
    ]);
  });

  it('checks the variable is writable', () => {
    const ctx = checkContextOf(definitionOf({}, 'x'));
    expect(abSplit.check?.({ arms: threeWay, variable: 'bot.name' }, ctx)).toEqual([
      { field: 'variable', message: 'bot.name is read-only' },
    ]);
  });
});
