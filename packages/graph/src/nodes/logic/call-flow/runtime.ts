import type { NodeRuntime } from '../../../node-runtime.ts';
import type { CallFlowOptions } from './schema.ts';

export const callFlowRuntime: NodeRuntime<CallFlowOptions> = {
  enter(_ctx, { entry }) {
    return { kind: 'call', entry, returnPort: 'next' };
  },
};
