import { describe, expect, it } from 'vitest';
import { checkContextWith, definitionOf, TestConversation } from '../../../testing.ts';
import { sendList } from './index.ts';

const rows = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, title: `${prefix} ${i + 1}` }));
const options = (extra: Record<string, unknown> = {}) =>
  sendList.options.parse({ body: 'Our rooms', button: 'See rooms', sections: [{ rows: rows('room', 2) }], ...extra });
const parse = (extra: Record<string, unknown>) => sendList.options.safeParse({ ...options(), ...extra });

describe('send_list', () => {
  it('rejects what WhatsApp would refuse, in plain words', () => {
    expect(parse({ sections: [] }).error?.issues[0]?.message).toBe('add at least one section');
    expect(parse({ sections: [{ rows: [] }] }).error?.issues[0]?.message).toBe('a section needs at least one row');
    expect(parse({ sections: [{ rows: rows('a', 6) }, { rows: rows('b', 5) }] }).error?.issues[0]?.message).toBe(
      'a list holds at most 10 rows in all its sections together',
    );
    expect(parse({ button: 'x'.repeat(21) }).error?.issues[0]?.message).toBe(
      'the list button holds at most 20 characters',
    );
    const long = { id: 'a', title: 'x'.repeat(25), description: 'y'.repeat(73) };
    expect(parse({ sections: [{ title: 'z'.repeat(25), rows: [long] }] }).error?.issues.map((i) => i.message)).toEqual([
      'a section title holds at most 24 characters',
      'a row title holds at most 24 characters',
      'a row description holds at most 72 characters',
    ]);
  });

  it('sends the list and moves on', () => {
    const sections = [
      { title: 'Rooms', rows: [{ id: 'sea', title: 'Sea view', description: 'R900 a night' }] },
      { title: 'Other', rows: [{ id: 'tent', title: 'Tent' }] },
    ];
    const definition = definitionOf(
      { menu: { type: 'send_list', options: options({ sections, footer: 'Prices per night' }), next: {} } },
      'menu',
    );
    const r = new TestConversation(definition).say('hi');
    expect(r.outputs).toEqual([
      { kind: 'list', body: 'Our rooms', button: 'See rooms', footer: 'Prices per night', sections },
    ]);
    expect(r.state.ended).toEqual({ outcome: 'completed' });
    expect(sendList.ports(options()).map((p) => p.id)).toEqual(['next']);
  });

  it('reports duplicate row ids across sections and untitled sections among several', () => {
    expect(sendList.check?.(options(), checkContextWith())).toEqual([]);
    const sections = [{ title: 'A', rows: rows('x', 2) }, { rows: rows('x', 1) }];
    expect(sendList.check?.(options({ sections, body: '{{nope}}' }), checkContextWith())).toEqual([
      { field: 'body', message: '{{nope}}: "nope" is never set: declare it, or set it in an earlier node' },
      { field: 'sections.1.rows.0.id', message: 'two rows have the id "x1"' },
      { field: 'sections.1.title', message: 'give each section a title when there are several' },
    ]);
  });
});
