import type { BotDefinition } from './definition.ts';

/** The demo's knowledge base: the guesthouse's handbook, seeded and ingested by `npm start`. */
export const DEMO_KNOWLEDGE_BASE_ID = 'kb_demo';

/**
 * The bot `npm start` publishes on the emulator's phone number: two questions, a branch, an answer from the
 * guesthouse's handbook (or a host's promise when the handbook doesn't say), an outcome.
 */
export const DEMO_BOT: BotDefinition = {
  schemaVersion: 1,
  entry: 'ask_name',
  settings: { sessionTimeoutSeconds: 24 * 3600 },
  nodes: {
    ask_name: {
      type: 'ask_text',
      options: {
        prompt: "Hi! I'm the assistant of Sunny Guesthouse. What's your name?",
        variable: 'name',
        timeoutSeconds: 3600,
      },
      next: { next: 'ask_need', timeout: 'say_goodbye' },
    },
    ask_need: {
      type: 'ask_text',
      options: {
        prompt: 'Nice to meet you, {{name}}! Would you like to *book* a room or ask a *question*?',
        variable: 'need',
        timeoutSeconds: 3600,
      },
      next: { next: 'route_need', timeout: 'say_goodbye' },
    },
    route_need: {
      type: 'branch',
      options: {
        variable: 'need',
        cases: [
          { id: 'book', anyOf: ['book', 'booking', 'room', 'reserve'], match: 'contains' },
          { id: 'question', anyOf: ['question', 'ask', 'info'], match: 'contains' },
        ],
      },
      next: { book: 'confirm_booking', question: 'ask_question', default: 'ask_need_again' },
    },
    ask_need_again: {
      type: 'ask_text',
      options: { prompt: "Sorry, I didn't catch that. Type *book* or *question*.", variable: 'need' },
      next: { next: 'route_need' },
    },
    confirm_booking: {
      type: 'send_text',
      options: { text: 'Great, {{name}}! A host will confirm your room here shortly.' },
      next: { next: 'end_booking' },
    },
    end_booking: { type: 'end', options: { outcome: 'booking_requested' }, next: {} },
    ask_question: {
      type: 'ask_text',
      options: { prompt: 'What would you like to know?', variable: 'question', timeoutSeconds: 3600 },
      next: { next: 'answer_question', timeout: 'say_goodbye' },
    },
    answer_question: {
      type: 'knowledge_answer',
      options: {
        knowledgeBaseId: DEMO_KNOWLEDGE_BASE_ID,
        questionFrom: 'question',
        fallbackText: '',
        retry: { maxAttempts: 3, initialIntervalSeconds: 1 },
        timeoutSeconds: 10,
      },
      next: { answered: 'end_answered', unknown: 'thank_question', error: 'thank_question' },
    },
    end_answered: { type: 'end', options: { outcome: 'question_answered' }, next: {} },
    thank_question: {
      type: 'send_text',
      options: { text: 'Thanks, {{name}}. A host will answer "{{question}}" here soon.' },
      next: { next: 'end_question' },
    },
    end_question: { type: 'end', options: { outcome: 'lead_captured' }, next: {} },
    say_goodbye: {
      type: 'send_text',
      options: { text: "I'll be here whenever you're ready. Just say hi!" },
      next: { next: 'end_timeout' },
    },
    end_timeout: { type: 'end', options: { outcome: 'timeout' }, next: {} },
  },
};
