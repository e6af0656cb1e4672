export * from './definition.ts';
export * from './engine.ts';
export * from './template.ts';
export * from './variables.ts';
export { EFFECT_TYPES, effectActivityName } from './node-runtime.ts';
export type {
  EffectRequest,
  EffectResult,
  EffectType,
  NodeContext,
  NodeRuntime,
  NodeStep,
  RetrySpec,
} from './node-runtime.ts';
export { NODE_RUNTIMES } from './nodes/runtime-registry.ts';
export { DEMO_BOT, DEMO_KNOWLEDGE_BASE_ID } from './demo-bot.ts';
