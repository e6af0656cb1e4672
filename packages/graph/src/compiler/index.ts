export * from './compile.ts';
export * from './diff.ts';
export * from './graph.ts';
export * from './problems.ts';
export * from './from-definition.ts';
