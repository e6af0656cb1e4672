import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../definition.ts';
import { checkContextWith, flowOf, said, TestConversation } from '../../../testing.ts';
import { askFile } from './index.ts';

const options = (extra: Record<string, unknown> = {}) =>
  askFile.options.parse({ prompt: 'Please send your ID', variable: 'id_copy', ...extra });

const photo = { type: 'image', media: { id: 'media-1', mimeType: 'image/jpeg' } };
const pdf = { type: 'document', media: { id: 'media-2', mimeType: 'application/pdf' } };
const scan = { type: 'document', media: { id: 'media-3', mimeType: 'image/png' } };

function answer(message: Partial<InboundMessage>, extra: Record<string, unknown> = {}) {
  const c = new TestConversation(flowOf('ask_file', options(extra)));
  c.say('hi');
  return { said: said(c.say('', message)), file: c.state.vars.id_copy };
}

describe('ask_file', () => {
  it('applies defaults and rejects unknown kinds', () => {
    expect(options()).toMatchObject({ accept: 'any', maxAttempts: 3 });
    expect(askFile.options.safeParse({ ...options(), accept: 'zip' }).success).toBe(false);
  });

  it('saves the media id, MIME type and message type', () => {
    expect(answer(pdf)).toEqual({
      said: ['left by next'],
      file: { mediaId: 'media-2', mimeType: 'application/pdf', type: 'document' },
    });
    expect(answer({ type: 'audio', media: { id: 'media-4' } }).file).toEqual({
      mediaId: 'media-4',
      mimeType: null,
      type: 'audio',
    });
  });

  it('takes only images when asked for an image, a photo sent as a document included', () => {
    expect(answer(photo, { accept: 'image' }).file).toMatchObject({ mediaId: 'media-1' });
    expect(answer(scan, { accept: 'image' }).file).toMatchObject({ mediaId: 'media-3', type: 'document' });
    expect(answer(pdf, { accept: 'image' })).toEqual({ said: ['Please send a photo.'], file: undefined });
  });

  it('takes only documents when asked for a document', () => {
    expect(answer(pdf, { accept: 'document' }).file).toMatchObject({ mediaId: 'media-2' });
    expect(answer(photo, { accept: 'document' }).said).toEqual(['Please send a file, such as a PDF.']);
  });

  it('asks again for a text message', () => {
    const c = new TestConversation(flowOf('ask_file', options()));
    c.say('hi');
    expect(said(c.say('I will send it later'))).toEqual(['Please send a photo or a file.']);
  });

  it('writes a json variable', () => {
    expect(askFile.writes?.(options())).toEqual([{ path: 'id_copy', type: 'json' }]);
    expect(askFile.check?.(options(), checkContextWith())).toEqual([]);
  });
});
