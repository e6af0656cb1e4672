import { describe, expect, it } from 'vitest';
import { chronological, messageText, messageView, type MessageRow } from './message-view.ts';

const row = (over: Partial<MessageRow>): MessageRow => ({
  id: 'm1',
  direction: 'out',
  wamid: null,
  idempotencyKey: null,
  replyToWamid: null,
  type: 'text',
  payload: { kind: 'text', text: 'hi' },
  status: null,
  statusAt: null,
  error: null,
  agent: null,
  acceptedAt: null,
  createdAt: new Date(0),
  ...over,
});

describe('messageView', () => {
  it('names the author and where an outbound message stands', () => {
    expect(messageView(row({ direction: 'in', payload: { text: 'hello' } }))).toMatchObject({
      author: 'customer',
      status: 'received',
      text: 'hello',
    });
    expect(messageView(row({})).status).toBe('queued');
    expect(messageView(row({ wamid: 'wamid.1' })).status).toBe('accepted');
    expect(messageView(row({ wamid: 'wamid.1', status: 'delivered' })).status).toBe('delivered');
    expect(messageView(row({ agent: 'Lee' }))).toMatchObject({ author: 'agent', agent: 'Lee' });
  });
});

describe('messageText', () => {
  it('reads the words of every kind of message', () => {
    expect(messageText('out', { kind: 'buttons', body: 'Pick one' })).toBe('Pick one');
    expect(messageText('out', { kind: 'media', link: 'https://x/y.jpg', caption: 'Room' })).toBe('Room');
    expect(messageText('out', { kind: 'media', link: 'https://x/y.jpg' })).toBe('https://x/y.jpg');
    expect(messageText('out', { kind: 'template', name: 'hello_world' })).toBe('[template hello_world]');
    expect(messageText('in', { text: 'hi', optionId: null })).toBe('hi');
    expect(messageText('in', null)).toBe('');
  });
});

describe('chronological', () => {
  it('orders by time, customer before bot at the same time, then by the turn key', () => {
    const at = new Date(5);
    const rows = [
      row({ id: 'c', idempotencyKey: 'cv:2:1', createdAt: at }),
      row({ id: 'b', idempotencyKey: 'cv:2:0', createdAt: at }),
      row({ id: 'a', direction: 'in', createdAt: at }),
      row({ id: 'z', createdAt: new Date(1) }),
    ];
    expect(rows.sort(chronological).map((r) => r.id)).toEqual(['z', 'a', 'b', 'c']);
  });
});
