import type { NodeRuntime } from '../../../node-runtime.ts';
import type { EndOptions } from './schema.ts';

export const endRuntime: NodeRuntime<EndOptions> = {
  enter(_ctx, { outcome }) {
    return { kind: 'end', outcome };
  },
};
