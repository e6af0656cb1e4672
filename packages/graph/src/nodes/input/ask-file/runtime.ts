import type { InboundMessage } from '../../../definition.ts';
import type { NodeRuntime } from '../../../node-runtime.ts';
import { validatedAnswerRuntime } from '../validated-answer.ts';
import type { AskFileOptions } from './schema.ts';

/** A photo sent "as a document" (to keep its quality) still counts as an image. */
function accepted(message: InboundMessage, accept: AskFileOptions['accept']): boolean {
  if (accept === 'any') return true;
  if (accept === 'document') return message.type === 'document';
  return message.type === 'image' || (message.type === 'document' && !!message.media?.mimeType?.startsWith('image/'));
}

const RETRY: Record<AskFileOptions['accept'], string> = {
  image: 'Please send a photo.',
  document: 'Please send a file, such as a PDF.',
  any: 'Please send a photo or a file.',
};

/** Asks for a photo or a file and saves Meta's media id, its MIME type and the kind of message it came in. */
export const askFileRuntime: NodeRuntime<AskFileOptions> = validatedAnswerRuntime<AskFileOptions>({
  parse(message, { accept }) {
    if (!message.media || !accepted(message, accept)) return null;
    return { value: { mediaId: message.media.id, mimeType: message.media.mimeType ?? null, type: message.type } };
  },
  defaultRetryPrompt: ({ accept }) => RETRY[accept],
});
