import { describe, expect, it } from 'vitest';
import { checkContextWith, definitionOf, said, TestConversation } from '../../../testing.ts';
import { sendMedia } from './index.ts';

const options = (extra: Record<string, unknown> = {}) =>
  sendMedia.options.parse({ mediaType: 'image', link: 'https://example.com/{{room}}.jpg', ...extra });

function send(extra: Record<string, unknown>, vars: Record<string, string> = {}) {
  const definition = definitionOf(
    {
      media: { type: 'send_media', options: options(extra), next: { next: 'after', error: 'failed' } },
      after: { type: 'send_text', options: { text: 'moved on' }, next: {} },
      failed: { type: 'send_text', options: { text: 'could not send' }, next: {} },
    },
    'media',
  );
  return new TestConversation(definition, undefined, vars).say('hi');
}

describe('send_media', () => {
  it('takes http(s) links, with placeholders anywhere', () => {
    const link = (l: string) => sendMedia.options.safeParse({ mediaType: 'image', link: l });
    expect(link('https://example.com/a.jpg').success).toBe(true);
    expect(link('{{photo_url}}').success).toBe(true);
    expect(link('https://cdn.example.com/{{ room }}/a.jpg').success).toBe(true);
    expect(link('ftp://example.com/a.jpg').error?.issues[0]?.message).toBe(
      'the link must start with https:// (or http://) and contain no spaces',
    );
    expect(link('https://example.com/a b.jpg').success).toBe(false);
    expect(sendMedia.options.safeParse({ mediaType: 'gif', link: 'https://x.io' }).success).toBe(false);
    expect(sendMedia.options.safeParse({ ...options(), caption: 'x'.repeat(1025) }).error?.issues[0]?.message).toBe(
      'a caption holds at most 1024 characters',
    );
  });

  it('sends the media with the link and caption filled in, and moves on', () => {
    const r = send({ caption: 'The {{room}} room' }, { room: 'sea' });
    expect(r.outputs).toEqual([
      { kind: 'media', mediaType: 'image', link: 'https://example.com/sea.jpg', caption: 'The sea room' },
      { kind: 'text', text: 'moved on' },
    ]);
  });

  it('sends a document with its file name', () => {
    const r = send(
      { mediaType: 'document', link: 'https://example.com/menu.pdf', filename: 'menu-{{room}}.pdf' },
      { room: 'sea' },
    );
    expect(r.outputs[0]).toEqual({
      kind: 'media',
      mediaType: 'document',
      link: 'https://example.com/menu.pdf',
      filename: 'menu-sea.pdf',
    });
  });

  it('leaves through error when the filled-in link is no web address', () => {
    const r = send({ link: '{{photo_url}}' }, { photo_url: 'not a link' });
    expect(said(r)).toEqual(['could not send']);
    expect(r.state.lastError).toEqual({
      node: 'media',
      message: 'the media link "not a link" is not an http(s) address',
    });
  });

  it('has next and error ports', () => {
    expect(sendMedia.ports(options()).map((p) => p.id)).toEqual(['next', 'error']);
  });

  it('reports captions WhatsApp does not show and file names on anything but documents', () => {
    const ctx = checkContextWith(['room']);
    expect(sendMedia.check?.(options({ caption: 'Look' }), ctx)).toEqual([]);
    expect(sendMedia.check?.(options({ mediaType: 'audio', caption: 'Listen' }), ctx)).toEqual([
      { field: 'caption', message: 'WhatsApp shows no caption on audio' },
    ]);
    expect(sendMedia.check?.(options({ mediaType: 'sticker', caption: 'Hi', filename: 'a.webp' }), ctx)).toEqual([
      { field: 'caption', message: 'WhatsApp shows no caption on a sticker' },
      { field: 'filename', message: 'only a document has a file name' },
    ]);
    expect(sendMedia.check?.(options(), checkContextWith())).toEqual([
      { field: 'link', message: '{{room}}: "room" is never set: declare it, or set it in an earlier node' },
    ]);
  });
});
