import type { NodeRuntime } from '../../../node-runtime.ts';
import { filledFallback } from '../template-fallback.ts';
import type { SendMediaOptions } from './schema.ts';

/** Sends an image, video, audio, document or sticker by link and moves on; a link that is no web address fails. */
export const sendMediaRuntime: NodeRuntime<SendMediaOptions> = {
  enter(ctx, { mediaType, link, caption, filename, templateFallback }) {
    const url = ctx.interpolate(link).trim();
    if (!/^https?:\/\/\S+$/i.test(url)) throw new Error(`the media link "${url}" is not an http(s) address`);
    const filledCaption = caption ? ctx.interpolate(caption) : '';
    const filledName = filename ? ctx.interpolate(filename) : '';
    ctx.say({
      kind: 'media',
      mediaType,
      link: url,
      ...(filledCaption ? { caption: filledCaption } : {}),
      ...(filledName ? { filename: filledName } : {}),
      ...filledFallback(ctx, templateFallback),
    });
    return { kind: 'continue', port: 'next' };
  },
};
