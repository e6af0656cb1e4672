import type { BotDefinition } from '@botflow/graph';

/** One reply to every message, forever: the benchmark measures the message path, not a script's length. */
export const ECHO_BOT: BotDefinition = {
  schemaVersion: 1,
  entry: 'greet',
  settings: { sessionTimeoutSeconds: 3600 },
  nodes: {
    greet: {
      type: 'ask_text',
      options: { prompt: 'Hello! Send me anything.', variable: 'said' },
      next: { next: 'echo' },
    },
    echo: { type: 'ask_text', options: { prompt: 'You said: {{said}}', variable: 'said' }, next: { next: 'echo' } },
  },
};
