import type { NodeRuntime } from '../../../node-runtime.ts';
import { effectStep, effectValue } from '../../effect-step.ts';
import { interpolateJson } from '../json-template.ts';
import { webhookDeliveryId } from './delivery-id.ts';
import type { WebhookOptions } from './schema.ts';

/** Posts a signed JSON event to the owner's server and moves on once it is accepted. */
export const webhookRuntime: NodeRuntime<WebhookOptions> = {
  enter(ctx, options) {
    const input = {
      url: ctx.interpolate(options.url),
      event: options.event,
      deliveryId: webhookDeliveryId(ctx.nodeId, ctx.contactKey, ctx.now),
      body: interpolateJson(options.payload, (path) => ctx.get(path)),
      secretRef: options.secretRef,
      timeoutSeconds: options.timeoutSeconds,
    };
    return effectStep('webhook', input, options);
  },
  complete(_ctx, _options, result) {
    effectValue(result);
    return { kind: 'continue', port: 'next' };
  },
};
