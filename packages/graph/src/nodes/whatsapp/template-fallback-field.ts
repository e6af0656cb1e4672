import { sendTemplateOptions } from './send-template/schema.ts';

/** The approved template a free-form message is replaced by when the customer's 24-hour window is closed. */
export const templateFallbackField = sendTemplateOptions.optional().meta({
  title: 'Template when the 24-hour window is closed',
  description:
    'WhatsApp delivers only approved templates once the customer has not written for 24 hours: this template ' +
    'is sent instead then. Without one, the message is not sent and the conversation ends.',
});

/** The fallback's parameters as fields for check(), so unknown {{variables}} in them are reported too. */
export function fallbackTemplates(fallback: { bodyParameters: string[] } | undefined): Record<string, string> {
  return Object.fromEntries(
    (fallback?.bodyParameters ?? []).map((p, i) => [`templateFallback.bodyParameters.${i}`, p]),
  );
}
