import type { NodeRuntime } from '../../../node-runtime.ts';
import type { JumpOptions } from './schema.ts';

export const jumpRuntime: NodeRuntime<JumpOptions> = {
  enter(_ctx, { target }) {
    return { kind: 'goto', node: target };
  },
};
