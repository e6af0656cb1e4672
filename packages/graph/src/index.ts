export * from './definition.ts';
export * from './engine.ts';
export * from './template.ts';
export type { NodeContext, NodeRuntime, NodeStep } from './node-runtime.ts';
export { NODE_RUNTIMES } from './nodes/runtime-registry.ts';
export { DEMO_BOT } from './demo-bot.ts';
