import type { NodeRuntime } from '../../../node-runtime.ts';
import type { SendTemplateOptions } from './schema.ts';

/**
 * Sends an approved message template — the only message WhatsApp delivers outside the 24-hour window — and moves
 * on. A parameter that comes out empty fails (WhatsApp would refuse the message), through `error`.
 */
export const sendTemplateRuntime: NodeRuntime<SendTemplateOptions> = {
  enter(ctx, { name, language, bodyParameters }) {
    const filled = bodyParameters.map((p) => ctx.interpolate(p));
    const empty = filled.findIndex((p) => p.trim() === '');
    if (empty >= 0) throw new Error(`template "${name}": parameter {{${empty + 1}}} came out empty`);
    ctx.say({ kind: 'template', name, language, bodyParameters: filled });
    return { kind: 'continue', port: 'next' };
  },
};
