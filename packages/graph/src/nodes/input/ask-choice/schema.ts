import { z } from 'zod';
import { LIMITS } from '@botflow/whatsapp/limits';
import { variablePath, timeoutSeconds } from '../../option-fields.ts';
import { maxAttempts, promptField, retryPromptField } from '../ask-fields.ts';

export const choice = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a choice id is a short lower-case name such as yes or book_room')
    .meta({ title: 'Id', description: 'Names the way out of the node and is what gets saved.' }),
  title: z
    .string()
    .min(1, 'write what the customer sees')
    .max(LIMITS.rowTitle, `a choice shows at most ${LIMITS.rowTitle} characters (${LIMITS.buttonTitle} on buttons)`)
    .meta({ title: 'Shown as' }),
});

export const askChoiceOptions = z.object({
  prompt: promptField(LIMITS.buttonBody),
  choices: z
    .array(choice)
    .min(2, 'give at least two choices')
    .max(LIMITS.rows, `a WhatsApp list holds at most ${LIMITS.rows} choices`)
    .meta({ title: 'Choices', description: 'Up to 3 are sent as buttons, more as a list.' }),
  buttonLabel: z
    .string()
    .min(1, 'write the label of the button that opens the list')
    .max(LIMITS.listButton, `the list button holds at most ${LIMITS.listButton} characters`)
    .default('Choose')
    .meta({ title: 'List button', description: 'Opens the list when there are more than 3 choices.' }),
  variable: variablePath
    .optional()
    .meta({ title: 'Save the choice in', description: "The chosen choice's id, e.g. plan or contact.plan" }),
  retryPrompt: retryPromptField('Please choose one of the options.', LIMITS.buttonBody),
  maxAttempts,
  timeoutSeconds: timeoutSeconds.optional(),
});

export type AskChoiceOptions = z.output<typeof askChoiceOptions>;
