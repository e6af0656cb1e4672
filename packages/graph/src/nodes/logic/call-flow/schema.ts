import { z } from 'zod';
import { nodeId } from '../../option-fields.ts';

export const callFlowOptions = z.object({
  entry: nodeId.meta({
    title: 'Sub-flow',
    description: 'The first node of the sub-flow; its Return node comes back here and goes on through "Next".',
  }),
});

export type CallFlowOptions = z.output<typeof callFlowOptions>;
