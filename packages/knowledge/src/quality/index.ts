export { listUnanswered, resolveUnanswered, type UnansweredFilter } from './list-unanswered.ts';
export { questionKey } from './question-key.ts';
export { forgetOldAsks, recordUnanswered, type UnansweredAsk } from './record-unanswered.ts';
