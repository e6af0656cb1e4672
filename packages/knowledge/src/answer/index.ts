export { composeAnswer, DEFAULT_LABELS, MIN_ANSWER_CHARS } from './compose-answer.ts';
export { answerPrompt, NO_ANSWER, type AnswerPrompt } from './prompt.ts';
export { DEFAULT_MAX_ANSWER_CHARS, WHATSAPP_TEXT_LIMIT } from './limits.ts';
export type {
  AnswerLabels,
  AnswerMode,
  AnswerModel,
  Citation,
  ComposeAnswerInput,
  ComposedAnswer,
  Passage,
} from './types.ts';
