export * from './expressions.ts';
