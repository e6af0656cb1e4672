import type { NodeRuntime } from '../../../node-runtime.ts';
import type { VarValue } from '../../../variables.ts';
import { validatedAnswerRuntime } from '../validated-answer.ts';
import type { AskLocationOptions } from './schema.ts';

/** Asks the customer to share a location (WhatsApp shows a "Send location" button) and saves where it is. */
export const askLocationRuntime: NodeRuntime<AskLocationOptions> = validatedAnswerRuntime<AskLocationOptions>({
  message: (body) => ({ kind: 'location_request', body }),
  parse(message) {
    if (!message.location) return null;
    const { latitude, longitude, name, address } = message.location;
    const value: Record<string, VarValue> = { latitude, longitude };
    if (name !== undefined) value.name = name;
    if (address !== undefined) value.address = address;
    return { value };
  },
  defaultRetryPrompt: () => 'Please share a location with the button below.',
});
