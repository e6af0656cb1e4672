import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import type { OptionProblem } from '../../node-type.ts';

/** Option fields the interactive messages share, with WhatsApp's limits. */

export const headerField = z
  .string()
  .max(LIMITS.headerText, `a header holds at most ${LIMITS.headerText} characters`)
  .optional()
  .meta({ title: 'Header', description: 'Bold line above the message (optional).' });

export const footerField = z
  .string()
  .max(LIMITS.footer, `a footer holds at most ${LIMITS.footer} characters`)
  .optional()
  .meta({ title: 'Footer', description: 'Small grey line below the message (optional).' });

/** One problem per item whose key (an id, a title) an earlier item already has. */
export function duplicates<T>(
  items: T[],
  key: (item: T) => string,
  field: (index: number) => string,
  message: (value: string) => string,
): OptionProblem[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const value = key(item);
    if (!seen.has(value)) {
      seen.add(value);
      return [];
    }
    return [{ field: field(i), message: message(value) }];
  });
}
