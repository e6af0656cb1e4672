import { ActivityFailure, log, patched, proxyActivities } from '@temporalio/workflow';
import type { ConversationRef, InboundSignal } from '@botflow/contracts';
import type { createMediaActivities } from '@botflow/activities';

const { downloadInboundMedia } = proxyActivities<ReturnType<typeof createMediaActivities>>({
  // A regular activity: files may be large and downloads slow, and Temporal UI shows each one.
  startToCloseTimeout: '3 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 6 },
});

/**
 * Downloads the photos, documents and voice notes customers send, alongside the turn so replies never wait for
 * them. A download that fails for good is recorded by the activity and logged here; the conversation goes on.
 */
export class InboundMedia {
  private readonly inFlight = new Set<Promise<void>>();

  fetch(conversation: ConversationRef, messages: InboundSignal[]): void {
    for (const message of messages) {
      const media = message.media;
      if (!media || !patched('inbound-media')) continue;
      const download: Promise<void> = (async () => {
        try {
          await downloadInboundMedia({
            conversationId: conversation.id,
            phoneNumberId: conversation.phoneNumberId,
            wamid: message.id,
            kind: message.type,
            mediaId: media.id,
          });
        } catch (err) {
          if (!(err instanceof ActivityFailure)) throw err;
          log.warn('customer media could not be downloaded', { wamid: message.id, error: err.message });
        }
      })();
      this.inFlight.add(download);
      void download.then(() => this.inFlight.delete(download));
    }
  }

  /** Before the run ends or continues as new: nothing started may be left behind. */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
