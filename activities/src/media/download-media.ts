import { createHash } from 'node:crypto';
import type { PrismaClient } from '@botflow/db';
import {
  formatBytes,
  GraphApiError,
  isMediaKind,
  matchesSha256,
  MediaTooLargeError,
  mediaRefusal,
  type MediaClient,
  type MediaKind,
  type MediaLimits,
} from '@botflow/whatsapp';
import { ChannelNotConnected } from './channel-tokens.ts';
import type { MediaFiles } from './media-files.ts';

export interface MediaDownloadInput {
  /** The conversation the message belongs to (ConversationRef.id). */
  conversationId: string;
  phoneNumberId: string;
  /** The inbound message's id (InboundSignal.id): one download per message, whatever the retries. */
  wamid: string;
  /** The message type (InboundSignal.type): image, video, audio, document or sticker. */
  kind: string;
  /** InboundSignal.media.id */
  mediaId: string;
}

export type MediaDownloadResult =
  | { status: 'stored'; storageKey: string; mimeType: string; sizeBytes: number; sha256: string }
  | { status: 'refused' | 'failed'; reason: string };

export interface MediaDownloadDeps {
  db: PrismaClient;
  media: MediaClient;
  accessToken: (phoneNumberId: string) => Promise<string>;
  files: MediaFiles;
  limits: MediaLimits;
}

interface MediaRow {
  status: 'pending' | 'stored' | 'refused' | 'failed';
  reason: string | null;
  storage_key: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
}

/**
 * Fetches the file of a customer's media message from Meta, checks its type, size and hash, and stores it by content.
 * Safe to run again: a message already decided is answered from its row, and a file is stored once. Problems no retry
 * can fix are recorded and returned (`refused`/`failed`); only passing trouble (Meta or the network) throws, after
 * noting the error on the row, so the caller's retries decide how long to keep trying.
 */
export async function downloadInboundMedia(
  deps: MediaDownloadDeps,
  input: MediaDownloadInput,
): Promise<MediaDownloadResult> {
  const { db } = deps;
  const [existing] = await db.$queryRaw<MediaRow[]>`
    SELECT status, reason, storage_key, mime_type, size_bytes, sha256 FROM message_media WHERE wamid = ${input.wamid}`;
  const done = existing && (await decided(deps.files, existing));
  if (done) return done;

  await db.$executeRaw`
    INSERT INTO message_media (id, conversation_id, wamid, media_id, kind, attempts, updated_at)
    VALUES (gen_random_uuid()::text, ${input.conversationId}, ${input.wamid}, ${input.mediaId}, ${input.kind}, 1, now())
    ON CONFLICT (wamid) DO UPDATE SET attempts = message_media.attempts + 1, updated_at = now()`;
  let result: MediaDownloadResult;
  try {
    result = await fetchAndStore(deps, input);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await db.$executeRaw`
      UPDATE message_media SET reason = ${reason}, updated_at = now() WHERE wamid = ${input.wamid}`;
    throw err;
  }
  await record(db, input.wamid, result);
  return result;
}

async function decided(files: MediaFiles, row: MediaRow): Promise<MediaDownloadResult | undefined> {
  if (row.status === 'refused' || row.status === 'failed') return { status: row.status, reason: row.reason ?? '' };
  if (row.status !== 'stored' || !row.storage_key || row.size_bytes === null) return undefined;
  // A stored row whose file is gone (a wiped disk) is fetched again.
  if ((await files.size(row.storage_key)) !== row.size_bytes) return undefined;
  return {
    status: 'stored',
    storageKey: row.storage_key,
    mimeType: row.mime_type ?? '',
    sizeBytes: row.size_bytes,
    sha256: row.sha256 ?? '',
  };
}

async function fetchAndStore(deps: MediaDownloadDeps, input: MediaDownloadInput): Promise<MediaDownloadResult> {
  if (!isMediaKind(input.kind)) return { status: 'refused', reason: `a ${input.kind} message carries no media file` };
  const kind: MediaKind = input.kind;
  try {
    const token = await deps.accessToken(input.phoneNumberId);
    const info = await deps.media.info(input.mediaId, token);
    const refusal = mediaRefusal(kind, info.mimeType, info.fileSize, deps.limits);
    if (refusal) return { status: 'refused', reason: refusal };

    const bytes = await deps.media.download(info.url, token, deps.limits[kind].maxBytes);
    const refusedAfterAll = mediaRefusal(kind, info.mimeType, bytes.byteLength, deps.limits);
    if (refusedAfterAll) return { status: 'refused', reason: refusedAfterAll };
    if (!matchesSha256(bytes, info.sha256))
      return { status: 'failed', reason: `the ${kind} received does not match the SHA-256 Meta gave for it` };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = await deps.files.put(bytes, sha256);
    return { status: 'stored', storageKey, mimeType: info.mimeType, sizeBytes: bytes.byteLength, sha256 };
  } catch (err) {
    const permanent = permanentFailure(err, input);
    if (permanent) return permanent;
    throw err;
  }
}

/** What a retry cannot change; undefined for passing trouble. */
function permanentFailure(err: unknown, input: MediaDownloadInput): MediaDownloadResult | undefined {
  if (err instanceof MediaTooLargeError)
    return { status: 'refused', reason: `the ${input.kind} is larger than the ${formatBytes(err.maxBytes)} allowed` };
  if (err instanceof ChannelNotConnected) return { status: 'failed', reason: err.message };
  if (err instanceof GraphApiError) {
    if (err.kind === 'auth' || err.httpStatus === 403)
      return { status: 'failed', reason: `Meta refused the number's access token: ${err.message}` };
    // A 404 on the download URL is an expired link: the next attempt asks Meta for a fresh one.
    if (err.kind === 'permanent' && err.httpStatus !== 404)
      return { status: 'failed', reason: `Meta could not give media ${input.mediaId}: ${err.message}` };
  }
  return undefined;
}

async function record(db: PrismaClient, wamid: string, result: MediaDownloadResult): Promise<void> {
  if (result.status === 'stored') {
    await db.$executeRaw`
      UPDATE message_media SET status = 'stored'::message_media_status, reason = NULL, mime_type = ${result.mimeType},
             size_bytes = ${result.sizeBytes}, sha256 = ${result.sha256}, storage_key = ${result.storageKey},
             updated_at = now()
      WHERE wamid = ${wamid}`;
  } else {
    await db.$executeRaw`
      UPDATE message_media SET status = ${result.status}::message_media_status, reason = ${result.reason},
             updated_at = now()
      WHERE wamid = ${wamid}`;
  }
}
