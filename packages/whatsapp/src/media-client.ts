import { createHash } from 'node:crypto';
import { GraphApiError, type GraphClientOptions } from './graph-client.ts';
import { graphRequest, graphUrl } from './graph-request.ts';

/** Body of `GET /<version>/<media-id>`. Meta documents `file_size` as a number; some answers carry a string. */
export interface MediaUrlResponse {
  messaging_product: 'whatsapp';
  url: string;
  mime_type: string;
  sha256: string;
  file_size: number | string;
  id: string;
}

export interface MediaInfo {
  id: string;
  /** Short-lived (about 5 minutes) download address; fetch it with the same bearer token. */
  url: string;
  mimeType: string;
  sha256: string;
  fileSize: number | undefined;
}

/** The download stopped because the file is bigger than allowed. */
export class MediaTooLargeError extends Error {
  override name = 'MediaTooLargeError';
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}

export interface MediaClientOptions extends GraphClientOptions {
  /** For the file itself, which may be up to 100 MB. */
  downloadTimeoutMs?: number;
}

/** Retrieves media a customer sent: its short-lived URL, then the bytes, never more than a limit. */
export class MediaClient {
  private readonly options: MediaClientOptions;
  constructor(options: MediaClientOptions) {
    this.options = options;
  }

  async info(mediaId: string, accessToken: string): Promise<MediaInfo> {
    const url = graphUrl(this.options.baseUrl, this.options.version, mediaId).toString();
    const answer = await graphRequest<MediaUrlResponse>(url, {
      accessToken,
      timeoutMs: this.options.timeoutMs ?? 15000,
    });
    const size = Number(answer.file_size);
    return {
      id: answer.id,
      url: answer.url,
      mimeType: answer.mime_type,
      sha256: answer.sha256,
      fileSize: Number.isFinite(size) && size >= 0 ? size : undefined,
    };
  }

  /** The file's bytes; throws {@link MediaTooLargeError} as soon as more than `maxBytes` are announced or read. */
  async download(url: string, accessToken: string, maxBytes: number): Promise<Buffer> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(this.options.downloadTimeoutMs ?? 120_000),
      });
    } catch (err) {
      throw new GraphApiError(
        0,
        undefined,
        `media download failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new GraphApiError(response.status, undefined, `media download answered ${response.status}`);
    }
    const announced = Number(response.headers.get('content-length') ?? NaN);
    if (announced > maxBytes) {
      await response.body.cancel();
      throw new MediaTooLargeError(maxBytes);
    }
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        total += read.value.byteLength;
        if (total > maxBytes) throw new MediaTooLargeError(maxBytes);
        chunks.push(read.value);
      }
    } catch (err) {
      await reader.cancel().catch(() => undefined);
      if (err instanceof MediaTooLargeError) throw err;
      throw new GraphApiError(
        0,
        undefined,
        `media download broke off: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return Buffer.concat(chunks);
  }
}

/** Meta gives a file's SHA-256 as hex in some places and base64 in others: accept either. */
export function matchesSha256(bytes: Uint8Array, expected: string): boolean {
  const digest = createHash('sha256').update(bytes).digest();
  const given = expected.trim();
  return (
    given.toLowerCase() === digest.toString('hex') ||
    given.replace(/=+$/, '') === digest.toString('base64').replace(/=+$/, '') ||
    given.replace(/=+$/, '') === digest.toString('base64url')
  );
}
