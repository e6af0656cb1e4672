export {
  replayConversation,
  type ReplayOptions,
  type ReplayReport,
  type ReplayedMessage,
  type ReplaySummary,
} from './replay.ts';
export { EFFECT_NOT_RUN, type SkippedEffect } from './clock.ts';
