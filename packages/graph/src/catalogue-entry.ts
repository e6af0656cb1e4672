// The node catalogue with option schemas and editor metadata, and the compiler: for the API and the editor, never
// for workflow code (the engine needs only `@botflow/graph`).
export * from './node-type.ts';
export { NODE_CATALOGUE, NODE_TYPES } from './nodes/catalogue.ts';
export * from './expressions/index.ts';
export * from './compiler/index.ts';
export * from './replay/index.ts';
