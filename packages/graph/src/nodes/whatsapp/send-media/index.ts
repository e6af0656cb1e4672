import { defineNodeType, type OptionProblem } from '../../../node-type.ts';
import { templateProblems } from '../../checks.ts';
import { errorPort, nextPort } from '../../option-fields.ts';
import { fallbackTemplates } from '../template-fallback-field.ts';
import { sendMediaRuntime } from './runtime.ts';
import { sendMediaOptions, type SendMediaOptions } from './schema.ts';

function mediaProblems({ mediaType, caption, filename }: SendMediaOptions): OptionProblem[] {
  const problems: OptionProblem[] = [];
  if (caption && (mediaType === 'audio' || mediaType === 'sticker'))
    problems.push({
      field: 'caption',
      message: `WhatsApp shows no caption on ${mediaType === 'audio' ? 'audio' : 'a sticker'}`,
    });
  if (filename && mediaType !== 'document')
    problems.push({ field: 'filename', message: 'only a document has a file name' });
  return problems;
}

export const sendMedia = defineNodeType({
  type: 'send_media',
  family: 'whatsapp',
  label: 'Send media',
  description: 'Sends an image, video, audio, document or sticker from a link, and moves on.',
  options: sendMediaOptions,
  ports: () => [nextPort, errorPort],
  waits: () => false,
  check: (o, ctx) => [
    ...templateProblems(ctx, { link: o.link, caption: o.caption, filename: o.filename }),
    ...templateProblems(ctx, fallbackTemplates(o.templateFallback)),
    ...mediaProblems(o),
  ],
  runtime: sendMediaRuntime,
});
