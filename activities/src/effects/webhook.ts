import { createHmac } from 'node:crypto';
import type { VarValue } from '@botflow/graph';
import { described, httpUrl, send, statusFailure, type OutboundPolicy } from './http.ts';
import { invalidInput, text, timeoutSeconds, type EffectInput } from './input.ts';

/** Looks a webhook signing secret up by the name a webhook node gives (`secretRef`); undefined when none is set. */
export type WebhookSecrets = (name: string) => string | undefined;

/**
 * The webhook node's delivery: POSTs the JSON body with `X-BotFlow-Event`, `X-BotFlow-Delivery` (the same on every
 * retry, for the receiver to drop duplicates) and `X-BotFlow-Signature-256: sha256=<hex HMAC-SHA256 of the raw
 * body>` under the secret named by `secretRef`. Answers `{status}` once the receiver accepts it with a 2xx.
 */
export function createWebhook(secrets: WebhookSecrets, policy: OutboundPolicy) {
  return async function webhook(input: EffectInput): Promise<VarValue> {
    const url = httpUrl(text(input, 'url'));
    const body = text(input, 'body');
    try {
      JSON.parse(body);
    } catch {
      throw invalidInput('the webhook payload is not valid JSON');
    }
    const secretRef = text(input, 'secretRef');
    const secret = secrets(secretRef);
    if (!secret) throw invalidInput(`no webhook secret called "${secretRef}" is set up on the server`);
    const seconds = timeoutSeconds(input);

    const answer = await send(
      policy,
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'BotFlow-Webhook/1',
          'x-botflow-event': text(input, 'event'),
          'x-botflow-delivery': text(input, 'deliveryId'),
          'x-botflow-signature-256': `sha256=${webhookSignature(secret, body)}`,
        },
        body,
      },
      { timeoutSeconds: seconds, maxBytes: 4096 },
    );
    if (!answer.ok) throw statusFailure(`the webhook at ${described(url)}`, answer.status, answer.text);
    return { status: answer.status };
  };
}

/** Hex HMAC-SHA256 of the raw body: what receivers recompute to check a delivery came from this server. */
export function webhookSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}
