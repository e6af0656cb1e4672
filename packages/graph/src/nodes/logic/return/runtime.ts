import type { NodeRuntime } from '../../../node-runtime.ts';
import type { ReturnOptions } from './schema.ts';

export const returnRuntime: NodeRuntime<ReturnOptions> = {
  enter() {
    return { kind: 'return' };
  },
};
