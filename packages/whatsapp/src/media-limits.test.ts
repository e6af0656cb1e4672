import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { matchesSha256 } from './media-client.ts';
import {
  baseMimeType,
  formatBytes,
  MEDIA_LIMITS,
  mediaLimitOverrides,
  mediaLimits,
  mediaRefusal,
} from './media-limits.ts';

describe('mediaRefusal', () => {
  it('takes Meta’s types within Meta’s sizes, ignoring MIME parameters', () => {
    expect(mediaRefusal('audio', 'audio/ogg; codecs=opus', 1000)).toBeUndefined();
    expect(mediaRefusal('image', 'IMAGE/PNG', 5 * 1024 * 1024)).toBeUndefined();
    expect(mediaRefusal('document', 'application/pdf', undefined)).toBeUndefined();
  });

  it('says which type or size is wrong', () => {
    expect(mediaRefusal('sticker', 'image/png', 10)).toBe('image/png is not an accepted sticker type (image/webp)');
    expect(mediaRefusal('video', 'video/mp4', 20 * 1024 * 1024)).toBe(
      'the video is 20 MB, more than the 16 MB allowed',
    );
  });

  it('can be configured per kind', () => {
    const limits = mediaLimits({ video: { maxBytes: 64 * 1024 * 1024 }, document: { mimeTypes: ['application/zip'] } });
    expect(mediaRefusal('video', 'video/mp4', 20 * 1024 * 1024, limits)).toBeUndefined();
    expect(mediaRefusal('document', 'application/zip', 10, limits)).toBeUndefined();
    expect(limits.image).toEqual(MEDIA_LIMITS.image);
    expect(mediaLimits(mediaLimitOverrides.parse({ audio: { maxBytes: 100 } })).audio.maxBytes).toBe(100);
    expect(mediaLimitOverrides.safeParse({ gif: { maxBytes: 1 } }).success).toBe(false);
  });

  it('formats sizes and MIME types', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(baseMimeType(' Audio/OGG ; codecs=opus')).toBe('audio/ogg');
  });
});

describe('matchesSha256', () => {
  it('accepts the hash as hex or base64, and nothing else', () => {
    const bytes = Buffer.from('voice note');
    const digest = createHash('sha256').update(bytes).digest();
    expect(matchesSha256(bytes, digest.toString('hex').toUpperCase())).toBe(true);
    expect(matchesSha256(bytes, digest.toString('base64'))).toBe(true);
    expect(matchesSha256(bytes, digest.toString('base64url'))).toBe(true);
    expect(matchesSha256(Buffer.from('other'), digest.toString('hex'))).toBe(false);
  });
});
