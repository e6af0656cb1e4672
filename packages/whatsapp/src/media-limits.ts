import { z } from 'zod';

/** The kinds of media a customer can send. */
export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export const MEDIA_KINDS: readonly MediaKind[] = ['image', 'video', 'audio', 'document', 'sticker'];

export interface MediaLimit {
  maxBytes: number;
  /** Base MIME types (without parameters such as `; codecs=opus`). */
  mimeTypes: readonly string[];
}

export type MediaLimits = Record<MediaKind, MediaLimit>;

const MB = 1024 * 1024;

/** Meta's documented limits for Cloud API media, per kind. Stickers: 500 KB animated, 100 KB static. */
export const MEDIA_LIMITS: MediaLimits = {
  image: { maxBytes: 5 * MB, mimeTypes: ['image/jpeg', 'image/png'] },
  video: { maxBytes: 16 * MB, mimeTypes: ['video/mp4', 'video/3gpp'] },
  audio: { maxBytes: 16 * MB, mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'] },
  document: {
    maxBytes: 100 * MB,
    mimeTypes: [
      'text/plain',
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
  sticker: { maxBytes: 500 * 1024, mimeTypes: ['image/webp'] },
};

export function isMediaKind(value: string): value is MediaKind {
  return (MEDIA_KINDS as readonly string[]).includes(value);
}

/** Meta's limits with some kinds' limits replaced, e.g. `{ video: { maxBytes: 64 * 1024 * 1024 } }`. */
export function mediaLimits(overrides: Partial<Record<MediaKind, Partial<MediaLimit>>> = {}): MediaLimits {
  const limits = { ...MEDIA_LIMITS };
  for (const kind of MEDIA_KINDS) limits[kind] = { ...MEDIA_LIMITS[kind], ...overrides[kind] };
  return limits;
}

/** Configuration of {@link mediaLimits}, e.g. from JSON: `{"video":{"maxBytes":67108864}}`. */
export const mediaLimitOverrides = z.partialRecord(
  z.enum(['image', 'video', 'audio', 'document', 'sticker']),
  z.strictObject({
    maxBytes: z.number().int().positive().optional(),
    mimeTypes: z.array(z.string().min(1)).min(1).optional(),
  }),
);

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(';')[0]!.trim().toLowerCase();
}

/** Why this file may not be taken, in words an owner understands; undefined when it may. */
export function mediaRefusal(
  kind: MediaKind,
  mimeType: string,
  sizeBytes: number | undefined,
  limits: MediaLimits = MEDIA_LIMITS,
): string | undefined {
  const limit = limits[kind];
  if (!limit.mimeTypes.includes(baseMimeType(mimeType)))
    return `${mimeType} is not an accepted ${kind} type (${limit.mimeTypes.join(', ')})`;
  if (sizeBytes !== undefined && sizeBytes > limit.maxBytes)
    return `the ${kind} is ${formatBytes(sizeBytes)}, more than the ${formatBytes(limit.maxBytes)} allowed`;
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
