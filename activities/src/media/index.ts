import type { PrismaClient } from '@botflow/db';
import type { SecretBox } from '@botflow/secrets';
import { MEDIA_LIMITS, type MediaClient, type MediaLimits } from '@botflow/whatsapp';
import type { Logger } from 'pino';
import { channelAccessTokens } from './channel-tokens.ts';
import { downloadInboundMedia, type MediaDownloadInput } from './download-media.ts';
import { MediaFiles } from './media-files.ts';

export interface MediaActivityDeps {
  db: PrismaClient;
  media: MediaClient;
  secrets: SecretBox;
  /** Where files are kept, by content hash (e.g. MEDIA_DIR). */
  mediaDir: string;
  /** Meta's per-kind limits unless configured otherwise. */
  limits?: MediaLimits;
  log: Logger;
}

export function createMediaActivities(deps: MediaActivityDeps) {
  const download = {
    db: deps.db,
    media: deps.media,
    accessToken: channelAccessTokens(deps.db, deps.secrets),
    files: new MediaFiles(deps.mediaDir),
    limits: deps.limits ?? MEDIA_LIMITS,
  };
  return {
    async downloadInboundMedia(input: MediaDownloadInput) {
      const result = await downloadInboundMedia(download, input);
      if (result.status !== 'stored')
        deps.log.warn({ wamid: input.wamid, mediaId: input.mediaId, ...result }, 'customer media not stored');
      return result;
    },
  };
}

export type { MediaDownloadInput, MediaDownloadResult } from './download-media.ts';
export { MediaFiles } from './media-files.ts';
