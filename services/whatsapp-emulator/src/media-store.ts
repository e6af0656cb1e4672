import { createHash, createHmac, randomBytes } from 'node:crypto';
import { isMediaKind, type InboundContent, type InboundMedia, type MediaKind } from '@botflow/whatsapp';

export interface StoredMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  /** base64, as Meta puts it in webhooks. May differ from the bytes' own hash when a test asks for a bad one. */
  sha256: string;
  /** What `GET /<media-id>` reports; the real size unless a test asks otherwise. */
  fileSize: number;
  /** The download answers 500 this many more times before it succeeds. */
  failDownloads: number;
}

export interface NewMedia {
  id?: string;
  mimeType: string;
  bytes: Buffer;
  sha256?: string;
  fileSize?: number;
  failDownloads?: number;
}

/** Generated files are this big unless a test says otherwise. */
export const DEFAULT_MEDIA_BYTES = 2048;
/** How long a download URL works, as on Meta. */
const URL_LIFETIME_MS = 5 * 60_000;

/** The files customers sent, by media id, with the short-lived signed download URLs Meta hands out. */
export class MediaStore {
  private readonly files = new Map<string, StoredMedia>();
  private readonly urlKey = randomBytes(32);

  add(media: NewMedia): StoredMedia {
    const stored: StoredMedia = {
      id: media.id ?? newMediaId(),
      bytes: media.bytes,
      mimeType: media.mimeType,
      sha256: media.sha256 ?? createHash('sha256').update(media.bytes).digest('base64'),
      fileSize: media.fileSize ?? media.bytes.length,
      failDownloads: media.failDownloads ?? 0,
    };
    this.files.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredMedia | undefined {
    return this.files.get(id);
  }

  list(): Omit<StoredMedia, 'bytes'>[] {
    return [...this.files.values()].map(({ bytes: _bytes, ...rest }) => rest);
  }

  /**
   * The customer's media message with its file: a file registered under that id, or a generated one. The webhook
   * carries the file's type and hash unless the customer input set them (to test a mismatch).
   */
  attach(
    content: InboundContent,
    given: Partial<Record<MediaKind, { mime_type?: string; sha256?: string }>>,
  ): InboundContent {
    if (!isMediaKind(content.type)) return content;
    const kind = content.type;
    const media = (content as unknown as Record<MediaKind, InboundMedia>)[kind];
    const stored =
      this.files.get(media.id) ??
      this.add({ id: media.id, mimeType: media.mime_type, bytes: generatedBytes(media.id, DEFAULT_MEDIA_BYTES) });
    const fields = given[kind];
    return {
      ...content,
      [kind]: { ...media, mime_type: fields?.mime_type ?? stored.mimeType, sha256: fields?.sha256 ?? stored.sha256 },
    };
  }

  /** A download address valid for five minutes: `/whatsapp_business/attachments/?mid=…&ext=…&hash=…`. */
  downloadUrl(origin: string, id: string, now = Date.now()): string {
    const expires = String(Math.floor((now + URL_LIFETIME_MS) / 1000));
    const url = new URL(`${origin}/whatsapp_business/attachments/`);
    url.searchParams.set('mid', id);
    url.searchParams.set('ext', expires);
    url.searchParams.set('hash', this.sign(id, expires));
    return url.toString();
  }

  /** The file behind a download address, or why there is none. */
  resolve(query: { mid?: string; ext?: string; hash?: string }, now = Date.now()): StoredMedia | 'expired' | undefined {
    const { mid, ext, hash } = query;
    if (!mid || !ext || !hash || hash !== this.sign(mid, ext)) return undefined;
    if (Number(ext) * 1000 < now) return 'expired';
    return this.files.get(mid);
  }

  reset(): void {
    this.files.clear();
  }

  private sign(id: string, expires: string): string {
    return createHmac('sha256', this.urlKey).update(`${id}:${expires}`).digest('base64url');
  }
}

/** Deterministic filler bytes, so the same id always makes the same file. */
export function generatedBytes(seed: string, size: number): Buffer {
  const block = createHash('sha256').update(seed).digest();
  const bytes = Buffer.alloc(size);
  for (let at = 0; at < size; at += block.length) block.copy(bytes, at);
  return bytes;
}

function newMediaId(): string {
  return `1${String(Date.now()).slice(-8)}${randomBytes(3).readUIntBE(0, 3).toString().padStart(8, '0')}`;
}
