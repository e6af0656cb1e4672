import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { NodeRuntime } from '../../../node-runtime.ts';
import { validatedAnswerRuntime } from '../validated-answer.ts';
import type { AskPhoneOptions } from './schema.ts';

/** Asks for a phone number and saves it in E.164 form (+27821234567). */
export const askPhoneRuntime: NodeRuntime<AskPhoneOptions> = validatedAnswerRuntime<AskPhoneOptions>({
  parse(message, { defaultCountry }) {
    const country = defaultCountry !== undefined && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
    const phone = parsePhoneNumberFromString(message.text, { defaultCountry: country });
    return phone?.isValid() ? { value: phone.number } : null;
  },
  defaultRetryPrompt: ({ defaultCountry }) =>
    defaultCountry
      ? 'That does not look like a phone number. Please try again.'
      : 'That does not look like a phone number. Please send it with the country code, e.g. +27 82 123 4567.',
});
